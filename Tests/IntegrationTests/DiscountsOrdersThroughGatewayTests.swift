import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

/// The order's code as a shop uses it: the storefront reports the order to the gateway, whose
/// outbox hands the code to discounts, which redeems it; cancelling the order releases it.
@Suite(.serialized)
struct DiscountsOrdersThroughGatewayTests {
    static func order(status: OrderStatus) -> OrderDocument {
        OrderDocument(
            customerId: "d-1",
            buyer: Buyer(
                name: "Jan Nowak", street: "Krótka 1", postcode: "00-001", city: "Warszawa",
                email: "jan@example.pl", phone: "+48 600 000 000"),
            currency: "PLN",
            lines: [OrderLine(productId: "p-1", name: "Kubek", quantity: 1, unitNet: 10_000, unitGross: 12_300)],
            shipping: ShippingCost(net: 1_000, gross: 1_230), totalNet: 11_000, totalGross: 13_530,
            discountCode: "walk-once", status: status, placedAt: Date())
    }

    /// What discounts says of the code for another order, asked directly as the admin.
    static func validation(_ suite: SuiteHarness) throws -> CodeValidation {
        var headers = HTTPHeaders()
        InternalHeaders.apply(
            Principal(role: .admin, name: "tester"), secret: SuiteHarness.internalSecret, to: &headers)
        let request = CodeValidationRequest(
            code: "WALK-ONCE", customerId: "d-2", orderValue: 5_000, shippingCost: 0, currency: "PLN")
        return try suite.client(for: "discounts").json(.post, "/v1/validations", request, headers: headers).decode()
    }

    /// Polls until `predicate` holds of the validation, returning the last one seen.
    static func validation(_ suite: SuiteHarness, until predicate: (CodeValidation) -> Bool) throws -> CodeValidation? {
        var last: CodeValidation?
        eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
            last = try? validation(suite)
            return last.map(predicate) ?? false
        }
        return last
    }

    @Test func anOrdersCode_IsRedeemedThroughTheOutbox_AndReleasedWhenTheOrderIsCancelled() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        // A ready campaign with one single-use code, as the campaign routes leave one.
        let database = try Database(path: suite.directory.file("data") + "/discounts.sqlite")
        try database.write { connection in
            try connection.run(
                """
                INSERT INTO campaigns (name, kind, code_count, discount_type, discount_value, currency, status,
                    generated, created_at)
                VALUES ('Walk', 'singleUse', 1, 'percent', 10, 'PLN', 'ready', 1, 0)
                """)
            try connection.run(
                "INSERT INTO codes (code, campaign_id) VALUES ('WALK-ONCE', ?)", connection.lastInsertRowID)
        }
        database.close()
        #expect(try Self.validation(suite).valid)

        let shop = SuiteHarness.storefrontKey
        let placed = try suite.gateway.json(.put, "/api/v1/orders/DW-1", Self.order(status: .paid), token: shop)
        #expect(placed.status == .accepted)
        #expect(try Self.validation(suite) { $0.reason == .usedUp }?.reason == .usedUp)

        let cancelled = try suite.gateway.json(
            .put, "/api/v1/orders/DW-1", Self.order(status: .cancelled), token: shop)
        #expect(cancelled.status == .accepted)
        #expect(try Self.validation(suite) { $0.valid }?.valid == true)
        let deliveries = try suite.gateway.request(.get, "/api/v1/orders/DW-1/deliveries", token: shop)
            .decode(OrderDeliveries.self)
        let discounts = try #require(deliveries.receivers.first { $0.receiver == "discounts" })
        #expect(discounts.delivered == 2)
        #expect(discounts.failed == 0)
    }
}
