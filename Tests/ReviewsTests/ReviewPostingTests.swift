import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// Posting a review: it starts unpublished; a body that breaks a rule is a 422 naming the field
/// and stores nothing; a customer posts only as themselves and reviews a product once; a repeat
/// with the same `Idempotency-Key` creates nothing.
@Suite struct ReviewPostingTests {
    typealias Service = ReviewsTestService

    /// Every review, as the admin's search lists them.
    static func stored(_ service: Service) throws -> [Review] {
        try service.walk("/reviews", limit: PageRequest.maxLimit)
    }

    @Test func aPostedReview_Is201_UnmoderatedInactiveAndUnpublished() throws {
        let service = try Service()
        defer { service.stop() }
        let submission = Service.submission(rating: 4, comment: "Ładny kubek.\nTrzyma ciepło.\tPolecam", author: "Ola")
        let answer = try service.post(submission)
        #expect(answer.status == .created)
        let review: Review = try answer.decode()
        #expect(review.productId == "p-1")
        #expect(review.productName == "Kubek")
        #expect(review.rating == 4)
        #expect(review.comment == submission.comment, "line breaks and tabs are kept")
        #expect(review.authorName == "Ola")
        #expect(review.customerId == nil)
        #expect(!review.moderated && !review.active && !review.published && !review.verifiedPurchase)
        #expect(review.createdAt == service.clock.date)
        #expect(try service.review(review.id) == review)
        #expect(try service.walk("/products/p-1/reviews", limit: 10, of: PublicReview.self).isEmpty)
    }

    /// One broken submission and the field its 422 must name.
    struct Broken: Sendable, CustomStringConvertible {
        let description: String
        let field: String
        let change: @Sendable (inout ReviewSubmission) -> Void
    }

    static let broken: [Broken] = [
        Broken(description: "rating 0", field: "rating") { $0.rating = 0 },
        Broken(description: "rating 6", field: "rating") { $0.rating = 6 },
        Broken(description: "blank comment", field: "comment") { $0.comment = " \n\t " },
        Broken(description: "empty comment", field: "comment") { $0.comment = "" },
        Broken(description: "long comment", field: "comment") {
            $0.comment = String(repeating: "ż", count: ReviewRules.maximumCommentLength + 1)
        },
        Broken(description: "bell in comment", field: "comment") { $0.comment = "Dzwoni \u{07} kubek" },
        Broken(description: "escape in comment", field: "comment") { $0.comment = "Kolor \u{1B}[31m" },
        Broken(description: "three links", field: "comment") {
            $0.comment = "Zobacz http://a.pl, https://b.pl i WWW.c.pl"
        },
        Broken(description: "blank author", field: "authorName") { $0.authorName = "   " },
        Broken(description: "two-line author", field: "authorName") { $0.authorName = "Jan\nNowak" },
        Broken(description: "long author", field: "authorName") {
            $0.authorName = String(repeating: "a", count: ReviewRules.maximumAuthorNameLength + 1)
        },
        Broken(description: "blank product name", field: "productName") { $0.productName = "" },
    ]

    @Test(arguments: broken)
    func aBrokenSubmission_Is422NamingItsField_AndStoresNothing(_ broken: Broken) throws {
        let service = try Service()
        defer { service.stop() }
        var submission = Service.submission()
        broken.change(&submission)
        let answer = try service.post(submission)
        #expect(answer.status == .unprocessableContent, "\(answer.text)")
        #expect(answer.errorCode == "validation_failed")
        #expect(answer.errorField == broken.field, "\(answer.text)")
        #expect(try Self.stored(service).isEmpty)
    }

    @Test func theLimits_AreInclusive() throws {
        let service = try Service()
        defer { service.stop() }
        let longest = String(repeating: "ł", count: ReviewRules.maximumCommentLength)
        #expect(try service.posted(Service.submission(comment: longest)).comment == longest)
        let twoLinks = "Zobacz http://www.a.pl i www.b.pl"
        #expect(ReviewRules.linkCount(twoLinks) == ReviewRules.maximumLinks)
        #expect(try service.posted(Service.submission(comment: twoLinks)).comment == twoLinks)
        let name = String(repeating: "Ż", count: ReviewRules.maximumAuthorNameLength)
        #expect(try service.posted(Service.submission(author: name)).authorName == name)
        for rating in ReviewRules.ratings {
            #expect(try service.posted(Service.submission(rating: rating)).rating == rating)
        }
    }

    @Test func anUnknownField_Is422NamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.call(
            .post, "/reviews", as: Service.storefront,
            text: """
                {"productId": "p-1", "productName": "Kubek", "rating": 5, "comment": "Dobry.", "authorName": "Ola",
                 "published": true}
                """)
        #expect(answer.status == .unprocessableContent)
        #expect(answer.errorCode == "unknown_field")
        #expect(answer.errorField == "published")
        #expect(try Self.stored(service).isEmpty)
    }

    @Test func aCustomerToken_PostsOnlyAsItself() throws {
        let service = try Service()
        defer { service.stop() }
        let token = Service.customer("c-1")
        let forAnother = try service.post(Service.submission(customer: "c-2"), as: token)
        #expect(forAnother.status == .forbidden)
        #expect(try Self.stored(service).isEmpty)

        let itself = try service.posted(Service.submission(product: "p-1"), as: token)
        #expect(itself.customerId == "c-1", "leaving customerId out posts as the token's customer")
        let named = try service.posted(Service.submission(product: "p-2", customer: "c-1"), as: token)
        #expect(named.customerId == "c-1")
        let history = try service.walk("/reviews/\(itself.id)/history", limit: 10, of: ReviewHistoryEntry.self)
        #expect(history.map(\.actor) == ["customer:c-1"])
    }

    @Test func anAnonymousCaller_CannotPost() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.post(Service.submission(), as: Service.anonymous)
        #expect([401, 403].contains(answer.status.code), "\(answer.status)")
        #expect(try Self.stored(service).isEmpty)
    }

    @Test func aCustomer_ReviewsAProductOnce() throws {
        let service = try Service()
        defer { service.stop() }
        let first = try service.posted(Service.submission(customer: "c-1"), as: Service.customer("c-1"))
        for (submission, caller) in [
            (Service.submission(rating: 1, comment: "Jednak nie."), Service.customer("c-1")),
            (Service.submission(customer: "c-1"), Service.storefront),
            (Service.submission(customer: "c-1"), Service.admin),
        ] {
            let again = try service.post(submission, as: caller)
            #expect(again.status == .conflict, "\(caller)")
            #expect(again.errorCode == "already_reviewed")
            #expect(again.errorEnvelope?.error.details?["reviewId"] == .number(Double(first.id)), "\(again.text)")
        }
        // Another product, another customer, and authors without a customer id are all fine.
        try service.posted(Service.submission(product: "p-2"), as: Service.customer("c-1"))
        try service.posted(Service.submission(), as: Service.customer("c-2"))
        try service.posted(Service.submission())
        try service.posted(Service.submission())
        #expect(try Self.stored(service).count == 5)
    }

    @Test func aRepeatWithTheSameIdempotencyKey_ReturnsTheSameReview_AndCreatesNone() throws {
        let service = try Service()
        defer { service.stop() }
        let key: HTTPHeaders = ["Idempotency-Key": "post-1"]
        let first = try service.post(Service.submission(), headers: key)
        #expect(first.status == .created)
        service.clock.advance(seconds: 5)
        let repeated = try service.post(Service.submission(), headers: key)
        #expect(repeated.status == .created)
        #expect(repeated.headers["Idempotent-Replayed"] == "true")
        #expect(try repeated.decode(Review.self) == first.decode(Review.self))
        #expect(try Self.stored(service).count == 1)

        let changed = try service.post(Service.submission(rating: 1), headers: key)
        #expect(changed.status == .unprocessableContent, "the same key with another body")
        #expect(try service.post(Service.submission(), headers: ["Idempotency-Key": "post-2"]).status == .created)
        #expect(try Self.stored(service).count == 2)
    }
}
