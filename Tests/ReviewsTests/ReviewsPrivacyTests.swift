import Contract
import Foundation
import HTTP
import Store
import TestSupport
import Testing

@testable import ReviewsCore

/// The privacy contract in reviews: what it holds about a person, and their erasure: reviews
/// signed "Anonim" under the pseudonym, comments, ratings and every summary kept.
struct ReviewsPrivacyTests {
    /// Every kind of record reviews keeps, for `customer` signing as `name`: a purchase of p-1,
    /// a published review of it (edited by the admin), a review of p-2 waiting for moderation, and
    /// a review of p-3 the admin deleted.
    private func activity(_ service: ReviewsTestService, _ customer: CustomerId, name: String, order: OrderNumber)
        throws
    {
        try service.deliver(order, sequence: 1, customer: customer, products: ["p-1"])
        let author = ReviewsTestService.customer(customer)
        let published = try service.posted(
            ReviewsTestService.submission(product: "p-1", rating: 4, author: name, customer: customer), as: author)
        try service.activate(published.id)
        try service.edit(published.id, ReviewChange(comment: "Solidny kubek, polecam serdecznie."))
        try service.posted(
            ReviewsTestService.submission(product: "p-2", rating: 2, author: name, customer: customer), as: author)
        let deleted = try service.posted(
            ReviewsTestService.submission(product: "p-3", rating: 1, author: name, customer: customer), as: author)
        try service.delete(deleted.id)
    }

    @Test func erasure_SignsThePersonsReviewsAnonim_KeepingCommentsRatingsAndSummaries() throws {
        let service = try ReviewsTestService()
        defer { service.stop() }
        try activity(service, "anna-1", name: "Anna Kowalska", order: "A-100")
        try activity(service, "bogdan-2", name: "Bogdan Nowak", order: "B-200")
        let summaries = try ["p-1", "p-2", "p-3"].map { try service.summary($0) }
        let listing: [PublicReview] = try service.walk("/products/p-1/reviews", limit: 10, as: .anonymous)

        let walk = try PrivacyProbe(service.service).walk(erasing: "anna-1", beside: "bogdan-2")

        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(Set(walk.person.holds.keys) == ["reviews", "deletedReviewsHistory", "purchases"])
        #expect(PrivacyProbe.Walk.count(walk.person.holds["reviews"]) == 2)
        #expect(try ["p-1", "p-2", "p-3"].map { try service.summary($0) } == summaries)
        let listingAfter: [PublicReview] = try service.walk("/products/p-1/reviews", limit: 10, as: .anonymous)
        #expect(listingAfter.map(\.authorName).sorted() == ["Anonim", "Bogdan Nowak"])
        #expect(listingAfter.map(\.comment) == listing.map(\.comment))
        #expect(listingAfter.map(\.rating) == listing.map(\.rating))
        #expect(listingAfter.allSatisfy { $0.verifiedPurchase }, "the purchase moved with the person")
        let probe = PrivacyProbe(service.service)
        #expect(try probe.tablesHolding("Anna Kowalska").isEmpty)
        #expect(try probe.tablesHolding("anna-1").isEmpty)
        #expect(
            try probe.tablesHolding("bogdan-2")
                == ["purchases.customer_id", "review_history.actor", "reviews.customer_id"])
    }
}
