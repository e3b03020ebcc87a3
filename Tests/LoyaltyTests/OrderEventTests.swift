import Contract
import Foundation
import TestSupport
import Testing

@testable import LoyaltyCore

/// Earning through order events: when points are credited, pending points, and idempotency.
struct OrderEventTests {
    /// Loyalty's intake refuses what the gateway refuses, by the same rules and naming the same
    /// field (the gateway's side is `OrderIntegrityTests`).
    @Test(arguments: RefusedOrders.cases)
    func anOrderTheGatewayRefuses_IsRefusedByTheIntakeToo(refused: RefusedOrders.Case) throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let valid = Orders.event("R1", sequence: 1, status: .created)
        var document = OrderDocument(
            customerId: valid.customerId,
            buyer: Buyer(name: "J", street: "S", postcode: "P", city: "C", email: "j@e.pl", phone: "1"),
            currency: valid.currency, lines: valid.lines, shipping: valid.shipping, totalNet: valid.totalNet,
            totalGross: valid.totalGross, status: valid.status, placedAt: valid.placedAt)
        #expect(document.problems(orderNumber: "R1").isEmpty)
        refused.change(&document)
        let answer = try service.deliver(OrderEvent(eventId: "R1-1", orderNumber: "R1", sequence: 1, order: document))
        #expect(answer.status == 422)
        guard case .array(let fields)? = answer.error?.details?["fields"] else {
            Issue.record("no fields in \(answer.text.prefix(300))")
            return
        }
        #expect(fields.contains(.string(refused.field)), "\(fields)")
    }

    @Test func orderCreatedRule_CreditsAtOnce() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(50))

        let points = try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))

        #expect(points.outcome == .applied)
        #expect(points.awards.map(\.state) == [.credited])
        let balance = try service.balance("c1")
        #expect(balance.points == 50)
        #expect(balance.pendingPoints == 0)
        #expect(try service.history("c1").map(\.kind) == [.earned])
        try service.expectLedgerConsistent("c1")
    }

    @Test func statusRule_ShowsPendingPoints_UntilTheOrderReachesItsStatus() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let rule = try service.createRule(Rules.perValue(10_00, action: .orderStatus, status: .fulfilled))

        try service.deliverOK(Orders.event("A1", sequence: 1, status: .created))
        var balance = try service.balance("c1")
        #expect(balance.points == 0)
        #expect(balance.pendingPoints == 10)

        try service.deliverOK(Orders.event("A1", sequence: 2, status: .paid))
        #expect(try service.balance("c1").pendingPoints == 10)

        let points = try service.deliverOK(Orders.event("A1", sequence: 3, status: .fulfilled))
        #expect(points.awards.first?.state == .credited)
        balance = try service.balance("c1")
        #expect(balance.points == 10)
        #expect(balance.pendingPoints == 0)
        let history = try service.history("c1")
        #expect(history.map(\.kind) == [.pendingCredited, .pending])
        #expect(history.first?.cause.rule == RuleReference(id: rule.id ?? 0, name: rule.name))
        #expect(history.first?.cause.orderNumber == "A1")
        try service.expectLedgerConsistent("c1")
    }

    @Test func anEventThatSkipsAhead_CreditsARuleOnAnEarlierStatus() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(30, action: .orderStatus, status: .paid))

        try service.deliverOK(Orders.event("A1", sequence: 1, status: .fulfilled))

        #expect(try service.balance("c1").points == 30)
        #expect(try service.history("c1").map(\.kind) == [.earned])
    }

    @Test func anOrderGoingBackAndForth_NeverCreditsTwice() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(30, action: .orderStatus, status: .paid))

        for (sequence, status) in [
            (1, OrderStatus.created), (2, .paid), (3, .created), (4, .paid), (5, .fulfilled), (6, .paid),
        ] {
            try service.deliverOK(Orders.event("A1", sequence: Int64(sequence), status: status))
        }

        #expect(try service.balance("c1").points == 30)
        #expect(try service.history("c1").map(\.kind) == [.pendingCredited, .pending])
        try service.expectLedgerConsistent("c1")
    }

    @Test func aDuplicateEventId_ChangesNothing() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(50))
        let event = Orders.event("A1", sequence: 1, status: .created)

        try service.deliverOK(event)
        let again = try service.deliverOK(event)

        #expect(again.outcome == .duplicate)
        #expect(try service.balance("c1").points == 50)
        #expect(try service.history("c1").count == 1)
    }

    @Test func anOlderSequence_IsIgnored() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(20, action: .orderStatus, status: .paid))

        try service.deliverOK(Orders.event("A1", sequence: 2, status: .created))
        let stale = try service.deliverOK(Orders.event("A1", sequence: 1, status: .paid))

        #expect(stale.outcome == .stale)
        #expect(stale.status == .created)
        #expect(try service.balance("c1").points == 0)
        #expect(try service.balance("c1").pendingPoints == 20)
    }

    @Test func aGuestOrder_IsRecordedButEarnsNothing() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(50))

        let points = try service.deliverOK(Orders.event("G1", sequence: 1, status: .created, customerId: nil))

        #expect(points.customerId == nil)
        #expect(points.awards.isEmpty)
        let stored = try service.send(.get, "/v1/orders/G1")
        #expect(stored.status == 200)
        #expect(try stored.decode(OrderPoints.self).lastSequence == 1)
    }

    @Test func everyActiveRuleAwards_WithTheCoefficientOfTheMoment() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.createRule(Rules.fixed(10))
        try service.createRule(Rules.perValue(10_00, action: .orderStatus, status: .paid))
        var inactive = Rules.fixed(999)
        inactive.active = false
        try service.createRule(inactive)
        let coefficient = try service.send(.put, "/v1/customers/c1/coefficient", text: #"{"coefficient": 2}"#)
        #expect(coefficient.status == 200)

        // 250.00 net: 25 points × k 2 = 50, plus 10 × 2 = 20 for the fixed rule.
        let points = try service.deliverOK(
            Orders.event("A1", sequence: 1, status: .paid, lines: [Orders.line(net: 250_00)]))
        #expect(points.awards.map(\.points) == [20, 50])

        // A later coefficient change does not touch an order already seen.
        _ = try service.send(.put, "/v1/customers/c1/coefficient", text: #"{"coefficient": 1}"#)
        try service.deliverOK(Orders.event("A1", sequence: 2, status: .fulfilled, lines: [Orders.line(net: 250_00)]))
        #expect(try service.balance("c1").points == 70)
    }

    @Test func orderEvents_AreRefusedToCustomers_AndCheckedForShape() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let event = Orders.event("A1", sequence: 1, status: .created)

        let forbidden = try service.send(
            .post, "/v1/orders/A1/events", json: event, as: LoyaltyTestService.customer("c1"))
        #expect(forbidden.status == 403)

        let mismatch = try service.send(.post, "/v1/orders/OTHER/events", json: event, as: LoyaltyTestService.service)
        #expect(mismatch.status == 422)
        #expect(mismatch.error?.code == "validation_failed")

        let unknown = try service.send(.get, "/v1/orders/NOPE")
        #expect(unknown.status == 404)
    }
}
