import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// Points for orders the way a shop earns them: the storefront reports each change of an order to
/// the gateway, which hands it to loyalty through its outbox.
@Suite(.serialized)
struct LoyaltyOrdersThroughGatewayTests {
    static func order(customer: CustomerId, status: OrderStatus, refundedNet: Int64? = nil) -> OrderDocument {
        OrderDocument(
            customerId: customer,
            buyer: Buyer(
                name: "Jan Nowak", street: "Krótka 1", postcode: "00-001", city: "Warszawa",
                email: "jan@example.pl", phone: "+48 600 000 000"),
            currency: "EUR",
            lines: [OrderLine(productId: "p-1", name: "Čaj", quantity: 1, unitNet: 10_393, unitGross: 12_783)],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 10_393, totalGross: 12_783,
            status: status, placedAt: Date(timeIntervalSince1970: 1_800_000_000),
            refundedNet: refundedNet, refundedGross: refundedNet.map { $0 * 12_783 / 10_393 }
        )
    }

    /// Waits until the customer's balance matches, returning the last one seen.
    static func balance(_ suite: SuiteHarness, _ customer: String, until predicate: (CustomerPoints) -> Bool) throws
        -> CustomerPoints?
    {
        var last: CustomerPoints?
        eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
            last = try? suite.gateway.request(
                .get, "/api/v1/loyalty/customers/\(customer)", token: SuiteHarness.adminKey
            )
            .decode(CustomerPoints.self)
            return last.map(predicate) ?? false
        }
        return last
    }

    @Test func pointsArePending_UntilTheRulesStatus_ThenCredited_AndAPartialRefundTakesBackItsShare() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let rule = LoyaltyRule(
            name: "1 point per 5 € net, completed units", action: .orderStatus, status: .fulfilled,
            award: .proportional(ProportionalAward(points: 1, per: 500, basis: .net, rounding: .down))
        )
        #expect(
            try suite.gateway.json(.post, "/api/v1/loyalty/rules", rule, token: SuiteHarness.adminKey).status
                == .created)
        let shop = SuiteHarness.storefrontKey

        #expect(
            try suite.gateway.json(
                .put, "/api/v1/orders/EU-1", Self.order(customer: "k-1", status: .created), token: shop
            ).status == .accepted)
        let pending = try Self.balance(suite, "k-1") { $0.pendingPoints == 20 }
        #expect(pending?.pendingPoints == 20, "103.93 € / 5 = 20.786, completed units: 20")
        #expect(pending?.points == 0)

        #expect(
            try suite.gateway.json(
                .put, "/api/v1/orders/EU-1", Self.order(customer: "k-1", status: .fulfilled), token: shop
            ).status == .accepted)
        let credited = try Self.balance(suite, "k-1") { $0.points == 20 }
        #expect(credited?.points == 20)
        #expect(credited?.pendingPoints == 0)

        // The same change reported again, and the order going back and forth, award nothing more.
        _ = try suite.gateway.json(.put, "/api/v1/orders/EU-1", Self.order(customer: "k-1", status: .paid), token: shop)
        _ = try suite.gateway.json(
            .put, "/api/v1/orders/EU-1", Self.order(customer: "k-1", status: .fulfilled), token: shop)

        let refund = Self.order(customer: "k-1", status: .refunded, refundedNet: 5_196)
        #expect(try suite.gateway.json(.put, "/api/v1/orders/EU-1", refund, token: shop).status == .accepted)
        let refunded = try Self.balance(suite, "k-1") { $0.points == 11 }
        #expect(refunded?.points == 11, "half the order refunded takes back floor(20 × 5196 / 10393) = 9 points")

        let deliveries = try suite.gateway.request(.get, "/api/v1/orders/EU-1/deliveries", token: shop)
        #expect(deliveries.status == .ok)
        #expect(try deliveries.decode(OrderDeliveries.self).receivers.first?.pending == 0)
    }

    @Test func cancellingAnOrder_DropsItsPendingPoints_AndDeductsCreditedOnesWhenTheProgramSaysSo() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let admin = SuiteHarness.adminKey
        let shop = SuiteHarness.storefrontKey
        let onCreation = LoyaltyRule(name: "10 points per order", action: .orderCreated, award: .fixed(points: 10))
        let onFulfilment = LoyaltyRule(
            name: "5 more when fulfilled", action: .orderStatus, status: .fulfilled, award: .fixed(points: 5))
        #expect(try suite.gateway.json(.post, "/api/v1/loyalty/rules", onCreation, token: admin).status == .created)
        #expect(try suite.gateway.json(.post, "/api/v1/loyalty/rules", onFulfilment, token: admin).status == .created)

        #expect(
            try suite.gateway.json(
                .put, "/api/v1/orders/EU-2", Self.order(customer: "k-2", status: .created), token: shop
            ).status == .accepted)
        let placed = try Self.balance(suite, "k-2") { $0.points == 10 && $0.pendingPoints == 5 }
        #expect(placed?.points == 10)
        #expect(placed?.pendingPoints == 5)

        #expect(
            try suite.gateway.json(
                .put, "/api/v1/orders/EU-2", Self.order(customer: "k-2", status: .cancelled), token: shop
            ).status == .accepted)
        let cancelled = try Self.balance(suite, "k-2") { $0.points == 0 && $0.pendingPoints == 0 }
        #expect(cancelled?.points == 0, "the default program deducts on cancel")
        #expect(cancelled?.pendingPoints == 0)

        let history = try suite.gateway.request(.get, "/api/v1/loyalty/customers/k-2/history", token: admin)
        #expect(history.text.contains("EU-2"))
    }
}
