import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Newsletter signups and published reviews earn once.
struct ActivityTests {
    @Test func newsletterSignup_EarnsOncePerCustomerEver() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(25, action: .newsletterSignup, name: "Newsletter"))

        let first = try service.send(.post, "/v1/customers/c1/newsletter-signup", as: LoyaltyTestService.storefront)
        let second = try service.send(.post, "/v1/customers/c1/newsletter-signup", as: LoyaltyTestService.storefront)

        #expect(first.status == 200)
        #expect(
            try first.decode(ActivityAward.self)
                == ActivityAward(customerId: "c1", awarded: 25, firstTime: true, points: 25))
        #expect(second.status == 200)
        #expect(
            try second.decode(ActivityAward.self)
                == ActivityAward(customerId: "c1", awarded: 0, firstTime: false, points: 25))
        let balance = try service.balance("c1")
        #expect(balance.newsletterSignedUp)
        #expect(try service.history("c1").first?.cause.rule?.name == "Newsletter")
    }

    @Test func newsletterSignup_IsNotForCustomersThemselves() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let answer = try service.send(
            .post, "/v1/customers/c1/newsletter-signup", as: LoyaltyTestService.customer("c1"))
        #expect(answer.status == 403)
    }

    @Test func aPublishedReview_EarnsOncePerReviewId() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(10, action: .reviewPublished, name: "Review"))
        let event = ReviewPublishedEvent(reviewId: "r1", customerId: "c1", productId: "p1")

        let first = try service.send(.post, "/v1/review-events", json: event, as: LoyaltyTestService.service)
        let repeated = try service.send(.post, "/v1/review-events", json: event, as: LoyaltyTestService.service)
        let another = try service.send(
            .post, "/v1/review-events", json: ReviewPublishedEvent(reviewId: "r2", customerId: "c1", productId: "p2"),
            as: LoyaltyTestService.service
        )

        #expect(try first.decode(ActivityAward.self).awarded == 10)
        #expect(try repeated.decode(ActivityAward.self).awarded == 0)
        #expect(try repeated.decode(ActivityAward.self).firstTime == false)
        #expect(try another.decode(ActivityAward.self).awarded == 10)
        #expect(try service.balance("c1").points == 20)
        #expect(try service.history("c1").map(\.cause.reviewId) == ["r2", "r1"])
    }

    @Test func reviewEvents_AreForServicesAndAdmins_NotTheStorefront() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let event = ReviewPublishedEvent(reviewId: "r1", customerId: "c1", productId: "p1")
        let answer = try service.send(.post, "/v1/review-events", json: event, as: LoyaltyTestService.storefront)
        #expect(answer.status == 403)
    }
}
