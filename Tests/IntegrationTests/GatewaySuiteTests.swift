import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The gateway in front of the real services, started through the launcher: customer tokens
/// reach the customer's own loyalty data, and an order reported once reaches loyalty.
@Suite(.serialized)
struct GatewaySuiteTests {
    @Test func mintedCustomerToken_ReadsTheCustomersOwnBalance_AndNoOneElses() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let minted = try suite.gateway.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "suite-c-1", ttlSeconds: 600),
            token: SuiteHarness.storefrontKey
        )
        #expect(minted.status == .created, "\(minted.text)")
        let token = try minted.decode(CustomerToken.self).token
        #expect(try suite.gateway.request(.get, "/api/v1/loyalty/health", token: token).status == .ok)
        #expect(try suite.gateway.request(.get, "/api/v1/loyalty/status", token: token).status == .forbidden)

        let own = try suite.gateway.request(.get, "/api/v1/loyalty/customers/suite-c-1", token: token)
        #expect(own.status == .ok, "\(own.text)")
        let balance = try own.decode([String: JSONValue].self)
        #expect(balance["customerId"] == .string("suite-c-1"))
        let other = try suite.gateway.request(.get, "/api/v1/loyalty/customers/suite-c-2", token: token)
        #expect(other.status == .forbidden)
        let expiredOrForged = try suite.gateway.request(.get, "/api/v1/loyalty/customers/suite-c-1", token: token + "x")
        #expect(expiredOrForged.status == .unauthorized)
    }

    @Test func reportedOrder_ReachesEveryReceiver_AndItsDeliveriesSayDelivered() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let order = OrderDocument(
            customerId: "suite-c-3",
            buyer: Buyer(
                name: "Ewa Kowalska", street: "Długa 5", postcode: "31-000", city: "Kraków",
                email: "ewa@example.pl", phone: "+48 500 000 000"),
            currency: "PLN",
            lines: [OrderLine(productId: "p-9", name: "Herbata", quantity: 3, unitNet: 1_000, unitGross: 1_230)],
            shipping: ShippingCost(net: 1_000, gross: 1_230), totalNet: 4_000, totalGross: 4_920,
            status: .paid, placedAt: Date(timeIntervalSince1970: 1_800_000_000)
        )
        let put = try suite.gateway.json(.put, "/api/v1/orders/SUITE-1", order, token: SuiteHarness.storefrontKey)
        #expect(put.status == .accepted, "\(put.text)")
        let acceptance = try put.decode(OrderAcceptance.self)
        #expect(acceptance.sequence == 1)
        #expect(acceptance.deliveries.map(\.service) == ["loyalty", "discounts", "reviews", "personal-data"])
        let repeatPut = try suite.gateway.json(.put, "/api/v1/orders/SUITE-1", order, token: SuiteHarness.storefrontKey)
        #expect(try repeatPut.decode(OrderAcceptance.self).changed == false)

        var view: OrderDeliveries?
        try eventually(timeout: .seconds(30), interval: .milliseconds(50)) {
            view = try suite.gateway.request(
                .get, "/api/v1/orders/SUITE-1/deliveries", token: SuiteHarness.storefrontKey
            )
            .decode(OrderDeliveries.self)
            return view?.receivers.allSatisfy({ $0.pending == 0 }) ?? false
        }
        let loyalty = try #require(view?.receivers.first { $0.service == "loyalty" })
        #expect(loyalty.delivered == 1, "\(loyalty.events)")
        #expect(loyalty.deliveredSequence == 1)
        let discounts = try #require(view?.receivers.first { $0.service == "discounts" })
        #expect(discounts.delivered == 1, "\(discounts.events)")
    }
}
