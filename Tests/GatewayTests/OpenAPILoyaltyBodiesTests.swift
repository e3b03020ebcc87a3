import Contract
import Foundation
import GatewayCore
import HTTP
import Testing

/// What the document says of loyalty's bodies is what the service does: a PUT of a reward
/// answers 201 when it creates and 200 when it replaces, inputs refuse unknown fields, and a
/// history entry's kind is one of the kinds the service writes.
@Suite struct OpenAPILoyaltyBodiesTests {
    private func object(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let fields)? = value else { return nil }
        return fields[key]
    }

    @Test func aRewardPut_ListsBoth201And200_AndTheRewardInputIsClosed() throws {
        let (root, paths, gateway) = try OpenAPITests.document()
        defer { gateway.stop() }

        let put = object(paths["/api/v1/loyalty/rewards/{productId}"], "put")
        guard case .object(let responses)? = object(put, "responses") else {
            Issue.record("no responses")
            return
        }
        #expect(responses["200"] != nil)
        #expect(responses["201"] != nil)
        let schemas = object(object(root, "components"), "schemas")
        #expect(object(object(schemas, "RewardInput"), "additionalProperties") == .bool(false))
        #expect(object(object(schemas, "PointsAdjustmentRequest"), "additionalProperties") == .bool(false))
        let kind = object(object(object(schemas, "HistoryEntry"), "properties"), "kind")
        #expect(kind == HistoryKind.reference)
        #expect(object(schemas, "HistoryKind") == Schema.oneOf(HistoryKind.self))
    }

    @Test func theDeadLetterRoutes_AreDocumented() throws {
        let (_, paths, gateway) = try OpenAPITests.document()
        defer { gateway.stop() }

        #expect(object(paths["/api/v1/orders/deliveries/failed"], "get") != nil)
        #expect(object(paths["/api/v1/orders/deliveries/{eventId}/retry"], "post") != nil)
    }
}
