import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import ReviewsCore

/// A product's public listing: its published reviews only, without customer ids, for anyone, in
/// every order and paged without gaps or repeats.
@Suite struct PublicListingTests {
    typealias Service = ReviewsTestService

    /// The ratings of p-1's published reviews, in posting order: ties in every rating.
    static let ratings = [3, 5, 1, 4, 5, 2, 3, 5, 4, 1, 3, 3, 5, 2, 4]

    /// p-1's published reviews (newest last), beside unpublished ones and another product's.
    static func listing(_ service: Service) throws -> [Review] {
        var published: [Review] = []
        for (index, rating) in ratings.enumerated() {
            let customer = CustomerId("c-\(index)")!
            published.append(
                try service.activate(
                    try service.posted(Service.submission(rating: rating, customer: customer)).id))
            service.clock.advance(seconds: 1)
            try service.posted(Service.submission(rating: rating, author: "Nieaktywna"))
            if index % 4 == 0 {
                let hidden = try service.activate(try service.posted(Service.submission(rating: rating)).id)
                try service.edit(hidden.id, ReviewChange(active: false))
                try service.activate(try service.posted(Service.submission(product: "p-2", rating: rating)).id)
            }
        }
        return published
    }

    /// `reviews` in the order `sort` promises: by id (the posting order), or by rating and then
    /// newest first.
    static func ordered(_ reviews: [Review], _ sort: ReviewSort) -> [Int64] {
        let sorted: [Review]
        switch sort {
        case .newest: sorted = reviews.sorted { $0.id > $1.id }
        case .oldest: sorted = reviews.sorted { $0.id < $1.id }
        case .highest: sorted = reviews.sorted { ($0.rating, $0.id) > ($1.rating, $1.id) }
        case .lowest: sorted = reviews.sorted { $0.rating != $1.rating ? $0.rating < $1.rating : $0.id > $1.id }
        }
        return sorted.map(\.id)
    }

    static func walk(_ service: Service, _ query: String, limit: Int, as caller: Principal = Service.anonymous)
        throws -> [PublicReview]
    {
        try service.walk("/products/p-1/reviews?" + query, limit: limit, as: caller)
    }

    @Test(arguments: ReviewSort.allCases)
    func everySort_PagesWithoutGapsOrRepeats_InItsOrder(sort: ReviewSort) throws {
        let service = try Service()
        defer { service.stop() }
        let published = try Self.listing(service)
        let expected = Self.ordered(published, sort)
        for limit in [1, 2, 4, published.count - 1, published.count, 50] {
            let listed = try Self.walk(service, "sort=\(sort.rawValue)", limit: limit)
            #expect(listed.map(\.id) == expected, "\(sort) limit \(limit)")
        }
        for rating in ReviewRules.ratings {
            let listed = try Self.walk(service, "sort=\(sort.rawValue)&rating=\(rating)", limit: 2)
            #expect(
                listed.map(\.id) == Self.ordered(published.filter { $0.rating == rating }, sort), "rating \(rating)")
            #expect(listed.allSatisfy { $0.rating == rating })
        }
    }

    @Test func theListing_ShowsPublishedReviewsOnly_NewestFirstByDefault_WithoutCustomerIds() throws {
        let service = try Service()
        defer { service.stop() }
        let published = try Self.listing(service)
        let listed = try Self.walk(service, "", limit: 4)
        #expect(listed.map(\.id) == Self.ordered(published, .newest))
        let byId = Dictionary(uniqueKeysWithValues: published.map { ($0.id, $0) })
        for review in listed {
            let full = try #require(byId[review.id])
            #expect(
                review
                    == PublicReview(
                        id: full.id, productId: full.productId, rating: full.rating, comment: full.comment,
                        authorName: full.authorName, verifiedPurchase: full.verifiedPurchase,
                        createdAt: full.createdAt))
        }
        let answer = try service.call(.get, "/products/p-1/reviews?limit=500", as: Service.anonymous)
        #expect(answer.status == .ok)
        #expect(!answer.text.contains("customerId"), "\(answer.text.prefix(300))")
        #expect(!answer.text.contains("c-1"))
        #expect(!answer.text.contains("moderated"))
    }

    @Test func everyCaller_MayReadTheListingAndTheSummary() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.activate(try service.posted(Service.submission(rating: 4)).id)
        for caller in [
            Service.anonymous, Service.customer("c-7"), Service.storefront, Service.admin, Service.gatewayFanOut,
        ] {
            #expect(try Self.walk(service, "", limit: 10, as: caller).map(\.id) == [review.id], "\(caller)")
            #expect(try service.summary("p-1", as: caller).count == 1, "\(caller)")
        }
        #expect([401, 403].contains(try service.call(.get, "/reviews", as: Service.anonymous).status.code))
        #expect(
            [401, 403].contains(try service.call(.get, "/reviews/\(review.id)", as: Service.anonymous).status.code))
    }

    @Test func aProductIdWithPunctuation_IsOneParameter() throws {
        let service = try Service()
        defer { service.stop() }
        let product: ProductId = "SKU/12?3%#"
        let review = try service.activate(try service.posted(Service.submission(product: product, rating: 2)).id)
        let path = "/products/" + Service.encoded(product.text)
        let listed = try service.walk(path + "/reviews", limit: 5, as: Service.anonymous, of: PublicReview.self)
        #expect(listed.map(\.id) == [review.id])
        let summary: RatingSummary = try service.call(.get, path + "/summary", as: Service.anonymous).decode()
        #expect(summary.productId == product && summary.count == 1 && summary.ratingSum == 2)
        let searched = try service.walk(
            "/reviews?productId=" + Service.encoded(product.text), limit: 5, of: Review.self)
        #expect(searched.map(\.id) == [review.id])
    }

    @Test func aBadCursorSortOrRating_Is400() throws {
        let service = try Service()
        defer { service.stop() }
        _ = try Self.listing(service)
        let bad = [
            "cursor=not*base64", "cursor=" + TextCursor.encode("5"), "cursor=" + TextCursor.encode("9:1"),
            "cursor=" + TextCursor.encode("x:1"), "cursor=" + TextCursor.encode("3:-1"),
            "cursor=" + TextCursor.encode("3:1:2"), "sort=best", "rating=6", "rating=0", "limit=501",
        ]
        for query in bad {
            let answer = try service.call(.get, "/products/p-1/reviews?" + query, as: Service.anonymous)
            #expect(answer.status == .badRequest, "\(query): \(answer.text)")
        }
        // A well-formed cursor from another sort is a position like any other.
        let page = try service.call(
            .get, "/products/p-1/reviews?limit=3&sort=oldest&cursor=" + TextCursor.encode("5:1"), as: Service.anonymous)
        #expect(page.status == .ok)
    }
}
