import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

@testable import LoyaltyCore

/// The privacy contract in loyalty: what it holds about a person, and their erasure under a
/// pseudonym that keeps every balance, lot and amount.
struct LoyaltyPrivacyTests {
    /// Rules for orders, the newsletter and reviews, and a mug for 100 points.
    private func programme(_ service: LoyaltyTestService) throws {
        try service.updateProgram { $0.rewardEligibility = .allExceptExcluded }
        try service.createRule(Rules.fixed(10))
        try service.createRule(Rules.fixed(25, action: .newsletterSignup, name: "Newsletter"))
        try service.createRule(Rules.fixed(15, action: .reviewPublished, name: "Review"))
        let reward = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 40_00, currency: "PLN", pointsPrice: 100))
        try #require(reward.status == 201, "reward: \(reward.text)")
    }

    /// Every kind of record loyalty keeps, for `customer`: an adjustment, an order, an exchange
    /// order they place themselves, a debit, the newsletter and a review.
    private func activity(_ service: LoyaltyTestService, _ customer: CustomerId, order: OrderNumber) throws {
        try #require(try service.adjust(customer.text, 500).status == 201)
        try service.deliverOK(Orders.event(order, sequence: 1, status: .paid, customerId: customer))
        let exchange = try service.send(
            .post, "/v1/customers/\(customer)/exchange-orders",
            json: ExchangeOrderRequest(items: [ExchangeOrderItemRequest(productId: "mug", quantity: 1)]),
            as: LoyaltyTestService.customer(customer))
        try #require(exchange.status == 201, "exchange order: \(exchange.text)")
        let debit = try service.send(
            .post, "/v1/point-debits",
            json: PointDebitRequest(debitId: "debit-\(order)", customerId: customer.text, points: 50, reason: "Kod"),
            as: LoyaltyTestService.service)
        try #require(debit.status == 201, "debit: \(debit.text)")
        let signup = try service.send(
            .post, "/v1/customers/\(customer)/newsletter-signup", as: LoyaltyTestService.storefront)
        try #require(signup.status == 200, "newsletter: \(signup.text)")
        let review = try service.send(
            .post, "/v1/review-events",
            json: ReviewPublishedEvent(reviewId: "review-\(order)", customerId: customer.text, productId: "p1"),
            as: LoyaltyTestService.service)
        try #require(review.status == 200, "review: \(review.text)")
    }

    @Test func erasure_RenamesThePersonEverywhere_KeepingEveryBalance_AndARepeatChangesNothing() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try programme(service)
        try activity(service, "anna-1", order: "A-100")
        try activity(service, "bogdan-2", order: "B-200")
        let anna = try service.balance("anna-1")
        let totals = try service.database.read { connection in
            try connection.queryOne(
                "SELECT sum(points) AS points, sum(pending_points) AS pending, count(*) AS accounts FROM accounts")
        }

        let walk = try PrivacyProbe(service.running).walk(erasing: "anna-1", beside: "bogdan-2")

        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(
            Set(walk.person.holds.keys)
                == ["account", "history", "exchangeOrders", "pointDebits", "orders", "activities"])
        let pseudonym = walk.erasure.pseudonym
        let renamed = try service.balance(pseudonym)
        #expect(renamed.points == anna.points && renamed.pendingPoints == anna.pendingPoints)
        #expect(renamed.expiringPoints == anna.expiringPoints && renamed.exchangeOrderCount == 1)
        #expect(renamed.newsletterSignedUp)
        #expect(try service.balance("anna-1").points == 0)
        let totalsAfter = try service.database.read { connection in
            try connection.queryOne(
                "SELECT sum(points) AS points, sum(pending_points) AS pending, count(*) AS accounts FROM accounts")
        }
        #expect(totalsAfter?.values == totals?.values)
        try service.expectLedgerConsistent(pseudonym)
        try service.expectLedgerConsistent("bogdan-2")
        // What the person did themselves is now the pseudonym's doing.
        let placedBy = try service.database.read {
            try $0.scalar("SELECT placed_by FROM exchange_orders WHERE customer_id = ?", pseudonym, as: String.self)
        }
        #expect(placedBy == "customer:" + pseudonym)
        #expect(try service.history(pseudonym).contains { $0.cause.actor == "customer:" + pseudonym })
        #expect(try PrivacyProbe(service.running).tablesHolding("anna-1").isEmpty)
        #expect(try PrivacyProbe(service.running).tablesHolding("bogdan-2") == Self.columnsKeepingACustomer)
    }

    /// Every column that keeps a customer id, in each of which `activity` leaves the customer.
    static let columnsKeepingACustomer = [
        "accounts.customer_id", "exchange_orders.customer_id", "exchange_orders.placed_by", "history.actor",
        "history.customer_id", "lots.customer_id", "newsletter_signups.customer_id", "order_awards.customer_id",
        "orders.customer_id", "point_debits.customer_id", "reviews.customer_id",
    ]

    @Test func aPseudonymThatAlreadyHoldsAnAccount_IsRefused_AndNothingIsMerged() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let probe = PrivacyProbe(service.running)
        let erasure = SubjectErasure(erasureId: "e-7", customerId: "anna-1")
        try service.adjust("anna-1", 100)
        #expect(try probe.erased(erasure).anonymized == 3)
        // New points for the old id after the erasure, then the erasure again.
        try service.adjust("anna-1", 40)

        let again = try probe.erase(erasure)

        #expect(again.status == .conflict)
        #expect(again.errorEnvelope?.error.code == PrivacyEndpoints.pseudonymInUse)
        #expect(try service.balance("anna-1").points == 40)
        #expect(try service.balance(erasure.pseudonym).points == 100)
    }

    @Test func anErasureIdTooLongForItsPseudonym_IsRefused() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("anna-1", 100)
        let longest = CustomerIdKind.maxLength - "erased-".count

        let refused = try PrivacyProbe(service.running).erase(
            SubjectErasure(erasureId: String(repeating: "x", count: longest + 1), customerId: "anna-1"))
        let accepted = try PrivacyProbe(service.running).erase(
            SubjectErasure(erasureId: String(repeating: "x", count: longest), customerId: "anna-1"))

        #expect(refused.status.code == 422, "\(refused.text)")
        #expect(accepted.status == .ok, "\(accepted.text)")
    }
}
