import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// A customer's review is marked "verified purchase" while one of their paid or fulfilled
/// orders, as the gateway's fan-out last reported it, holds the product.
@Suite struct VerifiedPurchaseTests {
    typealias Service = ReviewsTestService

    static func verified(_ service: Service, _ id: Int64) throws -> Bool {
        try service.review(id).verifiedPurchase
    }

    @Test func aPaidOrder_MarksTheCustomersReviews_PostedBeforeOrAfter() throws {
        let service = try Service()
        defer { service.stop() }
        let before = try service.posted(Service.submission(product: "p-1", customer: "c-1"))
        let otherCustomer = try service.posted(Service.submission(product: "p-1", customer: "c-2"))
        let nameOnly = try service.posted(Service.submission(product: "p-1", author: "c-1"))
        try service.activate(before.id)
        #expect(!before.verifiedPurchase)

        try service.deliver("O-1", sequence: 1, status: .paid, customer: "c-1", products: ["p-1", "p-2"])
        #expect(try Self.verified(service, before.id))
        #expect(try !Self.verified(service, otherCustomer.id))
        #expect(try !Self.verified(service, nameOnly.id))
        let after = try service.posted(Service.submission(product: "p-2", customer: "c-1"))
        #expect(after.verifiedPurchase, "posted after the order, marked at once")
        let notBought = try service.posted(Service.submission(product: "p-3", customer: "c-1"))
        #expect(!notBought.verifiedPurchase)

        let listed = try service.walk("/products/p-1/reviews", limit: 10, as: Service.anonymous, of: PublicReview.self)
        #expect(listed.map(\.verifiedPurchase) == [true], "the shop shows the mark")
        let searched = try service.walk("/reviews?productId=p-1", limit: 10, of: Review.self)
        #expect(searched.filter(\.verifiedPurchase).map(\.id) == [before.id])
    }

    @Test func aLaterRefund_UnmarksIt_AndAStaleVersionIsIgnored() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission(customer: "c-1"))
        // Each version of O-1 as it arrives, and whether the review is marked after it.
        let versions: [(sequence: Int64, status: OrderStatus, marked: Bool, why: Comment)] = [
            (1, .created, false, "an order not yet paid is no purchase"), (2, .paid, true, "paid"),
            (4, .refunded, false, "refunded"), (3, .fulfilled, false, "sequence 3 arrived after 4: stale"),
            (4, .paid, false, "a repeated sequence is stale too"), (5, .fulfilled, true, "fulfilled"),
            (6, .cancelled, false, "cancelled"),
        ]
        for version in versions {
            try service.deliver("O-1", sequence: version.sequence, status: version.status)
            #expect(try Self.verified(service, review.id) == version.marked, version.why)
        }
    }

    @Test func aProductBoughtInTwoOrders_StaysMarked_UntilBothAreUndone() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission(customer: "c-1"))
        try service.deliver("O-1", sequence: 1, status: .paid)
        try service.deliver("O-2", sequence: 1, status: .fulfilled, products: ["p-1", "p-9"])
        try service.deliver("O-1", sequence: 2, status: .refunded)
        #expect(try Self.verified(service, review.id))
        try service.deliver("O-2", sequence: 2, status: .paid, products: ["p-9"])
        #expect(try !Self.verified(service, review.id), "the new version of O-2 no longer holds p-1")
    }

    @Test func anOrderWithoutACustomer_MarksNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission(customer: "c-1"))
        try service.deliver("O-1", sequence: 1, status: .paid, customer: nil)
        #expect(try !Self.verified(service, review.id))
    }

    @Test func aMismatchedOrderNumber_Is422_AndOnlyServicesMaySend() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission(customer: "c-1"))
        let mismatched = try service.call(
            .post, "/orders/O-1/events", json: Service.orderEvent("O-2", sequence: 1), as: Service.gatewayFanOut)
        #expect(mismatched.status == .unprocessableContent)
        #expect(mismatched.errorField == "orderNumber")
        let zeroth = try service.call(
            .post, "/orders/O-1/events", json: Service.orderEvent("O-1", sequence: 0), as: Service.gatewayFanOut)
        #expect(zeroth.status == .unprocessableContent)
        #expect(zeroth.errorField == "sequence")
        for caller in [Service.storefront, Service.admin, Service.customer("c-1"), Service.anonymous] {
            let answer = try service.call(
                .post, "/orders/O-1/events", json: Service.orderEvent("O-1", sequence: 1), as: caller)
            #expect([401, 403].contains(answer.status.code), "\(caller)")
        }
        #expect(try !Self.verified(service, review.id))
        try service.deliver("O-1", sequence: 1)
        #expect(try Self.verified(service, review.id), "none of the refused events took sequence 1")
    }
}
