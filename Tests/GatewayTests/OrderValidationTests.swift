import Contract
import Foundation
import GatewayCore
import HTTP
import Testing

/// What an order must be before the gateway stores it: each broken rule is a 422 naming the field.
@Suite struct OrderValidationTests {
    @Test func validOrder_HasNoProblems() {
        #expect(OrderValidator.problems(orderNumber: "ZM/2026/0001", order: .make()).isEmpty)
    }

    @Test(arguments: ["", String(repeating: "1", count: 65), "A B", "zam#1", "zamówienie", "a:b", "a?b"])
    func badOrderNumber_IsRefused(number: String) {
        #expect(!OrderValidator.isValidOrderNumber(number))
    }

    @Test(arguments: ["1", String(repeating: "9", count: 64), "ZM/2026/0001", "a.b_c-d"])
    func goodOrderNumber_IsAccepted(number: String) {
        #expect(OrderValidator.isValidOrderNumber(number))
    }

    @Test func eachBrokenRule_NamesItsField() {
        var order = OrderDocument.make()
        order.buyer.email = "no-at-sign"
        order.buyer.name = "  "
        order.lines[0].quantity = 0
        order.lines[0].unitNet = -1
        order.lines[0].unitGross = 1
        order.shipping.gross = -5
        order.totalNet = -1
        order.currency = "XXX"
        order.refundedGross = order.totalGross + 1
        let fields = OrderValidator.problems(orderNumber: "1", order: order).map(\.field)
        #expect(
            fields == [
                "buyer.name", "buyer.email", "currency", "lines[0].quantity", "lines[0].unitGross", "shipping.gross",
                "totalNet", "refundedGross",
            ])
    }

    @Test func orderWithoutLines_IsRefused() {
        var order = OrderDocument.make()
        order.lines = []
        #expect(OrderValidator.problems(orderNumber: "1", order: order).map(\.field) == ["lines"])
    }

    /// Through the gateway: the answer and that nothing was stored or sent.
    func put(_ body: String, number: String = "ZM-1") throws -> (HTTPClientResponse, GatewayHarness) {
        let gateway = try GatewayHarness()
        let response = try gateway.client.request(
            .put, "/api/v1/orders/\(number)", token: GatewayHarness.storefrontKey, body: Array(body.utf8)
        )
        return (response, gateway)
    }

    @Test(arguments: [
        ("\"status\":\"created\"", "\"status\":\"shipped\"", "status"),
        ("\"currency\":\"PLN\"", "\"currency\":\"ZZZ\"", "currency"),
        ("\"quantity\":2", "\"quantity\":-2", "lines[0].quantity"),
        ("\"totalGross\":24600", "\"totalGross\":-1", "totalGross"),
        ("\"email\":\"jan@example.pl\",", "", "buyer.email"),
        ("\"city\":\"Warszawa\"", "\"city\":null", "buyer.city"),
    ])
    func brokenRule_ThroughTheGateway_Is422NamingTheField(original: String, replacement: String, field: String) throws {
        let text = OrderDocument.make().jsonText
        #expect(text.contains(original))
        let (response, gateway) = try put(text.replacingOccurrences(of: original, with: replacement))
        defer { gateway.stop() }
        #expect(response.status == .unprocessableContent, "\(response.text)")
        #expect(response.errorEnvelope?.error.details?["field"] == .string(field))
        #expect(gateway.upstream.requests.isEmpty)
        let view = try gateway.client.request(
            .get, "/api/v1/orders/ZM-1/deliveries", token: GatewayHarness.storefrontKey)
        #expect(view.status == .notFound)
    }

    @Test func badOrderNumberInThePath_Is422() throws {
        let (response, gateway) = try put(OrderDocument.make().jsonText, number: String(repeating: "9", count: 65))
        defer { gateway.stop() }
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.details?["field"] == .string("orderNumber"))
    }

    @Test func malformedJSON_Is400_AndWrongType_Is422() throws {
        let (response, gateway) = try put("{not json")
        defer { gateway.stop() }
        #expect(response.status == .badRequest)
        let wrongType = OrderDocument.make().jsonText.replacingOccurrences(
            of: "\"quantity\":2", with: "\"quantity\":\"two\"")
        let second = try gateway.client.request(
            .put, "/api/v1/orders/ZM-1", token: GatewayHarness.storefrontKey, body: Array(wrongType.utf8)
        )
        #expect(second.status == .unprocessableContent)
        #expect(second.errorEnvelope?.error.details?["field"] == .string("lines[0].quantity"))
    }

    @Test func bodyOver256KiB_Is413() throws {
        var order = OrderDocument.make()
        order.lines = Array(repeating: order.lines[0], count: 900)
        for index in order.lines.indices { order.lines[index].name = String(repeating: "n", count: 250) }
        let body = try JSONCoding.encode(order)
        #expect(body.count > 256 * 1024 && body.count < 1024 * 1024)
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let response = try gateway.client.request(
            .put, "/api/v1/orders/ZM-1", token: GatewayHarness.storefrontKey, body: body)
        #expect(response.status == .payloadTooLarge)
        #expect(response.errorEnvelope != nil)
    }
}
