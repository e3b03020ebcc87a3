import Contract
import Foundation
import GatewayCore
import HTTP
import TestSupport
import Testing

/// What keeps an order's points where they belong: an order never changes customer or
/// currency, its totals agree with its lines, and nothing a receiver would refuse is stored.
@Suite struct OrderIntegrityTests {
    static let shop = GatewayHarness.storefrontKey

    static func put(_ gateway: GatewayHarness, _ number: String, _ order: OrderDocument) throws -> HTTPClientResponse {
        try gateway.client.json(.put, "/api/v1/orders/\(number)", order, token: shop)
    }

    @Test func anOrderReportedAgainForAnotherCustomer_Is409_AndQueuesNothing() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        #expect(try Self.put(gateway, "COL-1", .make(customerId: "victimV", status: .paid)).status == .accepted)

        let stolen = try Self.put(gateway, "COL-1", .make(customerId: "attackerA", status: .refunded))
        #expect(stolen.status == .conflict)
        #expect(stolen.errorEnvelope?.error.code == "order_customer_changed")
        #expect(stolen.errorEnvelope?.error.details?["currentCustomerId"] == .string("victimV"))

        let asGuest = try Self.put(gateway, "COL-1", .make(customerId: nil, status: .refunded))
        #expect(asGuest.errorEnvelope?.error.code == "order_customer_changed")
        let deliveries = try gateway.client.request(.get, "/api/v1/orders/COL-1/deliveries", token: Self.shop)
            .decode(OrderDeliveries.self)
        #expect(deliveries.sequence == 1)

        // The rightful customer's next version goes through.
        #expect(try Self.put(gateway, "COL-1", .make(customerId: "victimV", status: .fulfilled)).status == .accepted)
    }

    @Test func aGuestsOrder_CannotBeClaimedByACustomer_NorAnOrderChangeCurrency() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        #expect(try Self.put(gateway, "G-1", .make(customerId: nil)).status == .accepted)
        let claimed = try Self.put(gateway, "G-1", .make(customerId: "c-9", status: .paid))
        #expect(claimed.status == .conflict)
        #expect(claimed.errorEnvelope?.error.details?["currentCustomerId"] == .string(""))

        #expect(try Self.put(gateway, "E-1", .make(currency: "PLN")).status == .accepted)
        let euros = try Self.put(gateway, "E-1", .make(status: .paid, currency: "EUR"))
        #expect(euros.status == .conflict)
        #expect(euros.errorEnvelope?.error.code == "order_currency_changed")
        #expect(euros.errorEnvelope?.error.details?["currentCurrency"] == .string("PLN"))
    }

    @Test(arguments: RefusedOrders.cases)
    func anOrderAReceiverWouldRefuse_Is422NamingTheField_AndIsNotStored(refused: RefusedOrders.Case) throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        var order = OrderDocument.make()
        refused.change(&order)
        let response = try Self.put(gateway, "R-1", order)
        #expect(response.status == .unprocessableContent, "\(response.text.prefix(300))")
        #expect(response.errorEnvelope?.error.code == "invalid_order")
        guard case .array(let fields)? = response.errorEnvelope?.error.details?["fields"] else {
            Issue.record("no fields in \(response.text.prefix(300))")
            return
        }
        #expect(fields.contains(.string(refused.field)), "\(fields)")
        let deliveries = try gateway.client.request(.get, "/api/v1/orders/R-1/deliveries", token: Self.shop)
        #expect(deliveries.status == .notFound)
    }

    @Test func aDiscountLine_WithANegativePrice_IsAccepted_WhenTheTotalsAgree() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        var order = OrderDocument.make()
        order.lines.append(
            OrderLine(productId: "coupon", name: "Rabat -10 zł", quantity: 1, unitNet: -813, unitGross: -1_000))
        order.totalNet -= 813
        order.totalGross -= 1_000
        #expect(try Self.put(gateway, "D-1", order).status == .accepted)

        // A rounding difference of one minor unit per line is tolerated; more is not.
        order.totalGross += 3
        #expect(try Self.put(gateway, "D-2", order).status == .accepted)
        order.totalGross += 1
        #expect(try Self.put(gateway, "D-3", order).status == .unprocessableContent)
    }
}

extension OrderIntegrityTests {
    /// `value[key]` for an object, nil otherwise.
    static func field(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let fields)? = value else { return nil }
        return fields[key]
    }

    @Test func theDocument_PromisesTheConflictsAndTheIdentifierRule() throws {
        let (root, paths, gateway) = try OpenAPITests.document()
        defer { gateway.stop() }
        let put = Self.field(paths["/api/v1/orders/{orderNumber}"], "put")
        guard case .string(let conflict)? = Self.field(Self.field(Self.field(put, "responses"), "409"), "description")
        else {
            Issue.record("PUT /api/v1/orders/{orderNumber} lists no 409")
            return
        }
        #expect(conflict.contains("order_customer_changed") && conflict.contains("order_currency_changed"))
        let request = Self.field(Self.field(Self.field(root, "components"), "schemas"), "CustomerTokenRequest")
        let customerId = Self.field(Self.field(request, "properties"), "customerId")
        #expect(Self.field(customerId, "pattern") == .string(CustomerIdKind.pattern))
        #expect(Self.field(customerId, "maxLength") == .number(Double(CustomerIdKind.maxLength)))
    }
}
