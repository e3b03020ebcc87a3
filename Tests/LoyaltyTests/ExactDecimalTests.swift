import Contract
import Foundation
import Testing

/// Exact decimals and coefficients: parsing, JSON numbers, and the bounds of a coefficient.
struct ExactDecimalTests {
    private struct Box<Value: Codable>: Codable {
        var value: Value
    }

    private func decode<Value: Codable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(Box<Value>.self, from: Data("{\"value\":\(json)}".utf8)).value
    }

    private func encode<Value: Codable>(_ value: Value) throws -> String {
        String(decoding: try JSONEncoder().encode(Box(value: value)), as: UTF8.self)
    }

    @Test func parsing_IsExact() {
        #expect(ExactDecimal("1.5")?.scaled == 15_000)
        #expect(ExactDecimal("0.0001")?.scaled == 1)
        #expect(ExactDecimal("-0.25")?.scaled == -2_500)
        #expect(ExactDecimal("1e2")?.scaled == 1_000_000)
        #expect(ExactDecimal("1E-4")?.scaled == 1)
        #expect(ExactDecimal("2.50000")?.scaled == 25_000)
        #expect(ExactDecimal("0.1")?.scaled == 1_000)
        #expect(ExactDecimal("0e99999999999")?.scaled == 0)
        #expect(ExactDecimal("000000000000000000000000000012.3")?.scaled == 123_000)
    }

    @Test func parsing_RefusesWhatIsNotAnExactFourPlaceNumber() {
        for text in [
            "", ".", "-", "1.2.3", "abc", "1e", "1e+", "1,5", " 1", "1.23456", "1e-5", "99999999999999999", "1e400",
        ] {
            #expect(ExactDecimal(text) == nil, "\(text)")
        }
    }

    @Test func description_IsTheShortestPlainText() {
        #expect(ExactDecimal(scaled: 15_000).description == "1.5")
        #expect(ExactDecimal(scaled: 1).description == "0.0001")
        #expect(ExactDecimal(scaled: 1_000_000).description == "100")
        #expect(ExactDecimal(scaled: -22_500).description == "-2.25")
        #expect(ExactDecimal(scaled: 0).description == "0")
    }

    @Test func json_DecodesNumbersExactly() throws {
        #expect(try decode(ExactDecimal.self, "1.5").scaled == 15_000)
        #expect(try decode(ExactDecimal.self, "0.0001").scaled == 1)
        #expect(try decode(ExactDecimal.self, "1e2").scaled == 1_000_000)
        #expect(try decode(ExactDecimal.self, "103.93").scaled == 1_039_300)
    }

    @Test func json_EncodesAPlainNumber_AndRoundTrips() throws {
        for scaled: Int64 in [15_000, 1, 1_000_000, -22_500, 123_456_789, Int64.max] {
            let value = ExactDecimal(scaled: scaled)
            let json = try encode(value)
            #expect(json == "{\"value\":\(value.description)}")
            #expect(try decode(ExactDecimal.self, value.description) == value)
        }
    }

    @Test func coefficient_DecodesFromNumbers() throws {
        #expect(try decode(Coefficient.self, "1.5").tenThousandths == 15_000)
        #expect(try decode(Coefficient.self, "0.0001").tenThousandths == 1)
        #expect(try decode(Coefficient.self, "1e2").tenThousandths == 1_000_000)
        #expect(try decode(Coefficient.self, "1000").tenThousandths == 10_000_000)
        #expect(try decode(Coefficient.self, "1.50000").tenThousandths == 15_000)
    }

    @Test func coefficient_RefusesStringsZeroNegativesTooLargeAndTooPrecise() {
        for json in ["\"1.5\"", "0", "-1", "1000.0001", "0.00001", "1.23456", "null", "true"] {
            #expect(throws: DecodingError.self, "\(json)") { try decode(Coefficient.self, json) }
        }
    }

    @Test func coefficient_ErrorNamesTheField() throws {
        let error = try #require(throws: DecodingError.self) { try decode(Coefficient.self, "0") }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("Expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["value"])
    }

    @Test func coefficient_DefaultsToOne_AndRoundTrips() throws {
        #expect(Coefficient.one.tenThousandths == 10_000)
        #expect(try encode(Coefficient.one) == "{\"value\":1}")
        let k = try #require(Coefficient("2.75"))
        #expect(try decode(Coefficient.self, k.description) == k)
    }

    @Test func coefficient_BoundsInCode() {
        #expect(Coefficient(tenThousandths: 0) == nil)
        #expect(Coefficient(tenThousandths: 1) != nil)
        #expect(Coefficient(tenThousandths: 10_000_000) != nil)
        #expect(Coefficient(tenThousandths: 10_000_001) == nil)
        #expect(Coefficient("-2") == nil)
    }
}
