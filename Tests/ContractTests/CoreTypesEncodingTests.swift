import Contract
import Foundation
import TestValues
import Testing

/// `JSONCoding.encode` writes the core wire types (error envelope, free-form values, pages,
/// the empty response) byte for byte as Foundation's `JSONCoding.encoder()` does.
struct CoreTypesEncodingTests {
    private func jsonValue(_ values: inout SampleValues, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &values.generator) {
        case 0: return .null
        case 1: return .bool(values.bool())
        case 2: return .number(values.double())
        case 3: return .string(values.string())
        case 4: return .array(values.array { jsonValue(&$0, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<values.count() { object[values.string()] = jsonValue(&values, depth: depth + 1) }
            return .object(object)
        }
    }

    @Test func errorEnvelope_MatchesFoundation() {
        for seed: UInt64 in 0..<80 {
            var values = SampleValues(seed: seed)
            let details = values.optional { values in
                var details: [String: JSONValue] = [:]
                for _ in 0..<values.count() { details[values.string()] = jsonValue(&values, depth: 0) }
                return details
            }
            expectSameJSON(
                ErrorEnvelope(
                    error: .init(code: values.string(), message: values.string(), details: details),
                    requestId: values.optional { $0.string() }))
        }
    }

    @Test func jsonValue_MatchesFoundation() {
        for seed: UInt64 in 100..<300 {
            var values = SampleValues(seed: seed)
            expectSameJSON(jsonValue(&values, depth: 0))
        }
    }

    @Test func page_WritesNextCursorAsNull_AndMatchesFoundation() {
        expectJSON(Page<RuleReference>(items: [], nextCursor: nil), #"{"items":[],"nextCursor":null}"#)
        expectJSON(
            Page(items: [RuleReference(id: 1, name: "a/b")], nextCursor: "c"),
            #"{"items":[{"id":1,"name":"a/b"}],"nextCursor":"c"}"#)
        expectJSON(Page(items: ["x", "y"], nextCursor: nil), #"{"items":["x","y"],"nextCursor":null}"#)
    }

    @Test func contractScalars_AreBareFragmentsAtTheTop_AndMatchFoundation() {
        expectJSON(OrderStatus.paid, #""paid""#)
        expectJSON(RoundingStep.hundred, "100")
        expectJSON(ExactDecimal(scaled: 15_000), "1.5")
    }

    @Test func emptyResponse_MatchesFoundation() {
        expectJSON(EmptyResponse(), "{}")
        expectJSON([EmptyResponse()], "[{}]")
    }
}
