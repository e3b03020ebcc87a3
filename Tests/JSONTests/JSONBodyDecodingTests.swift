import Foundation
import JSON
import Testing

/// What `JSONCoding.decode` refuses, and how: text that is not JSON with its position, an
/// ambiguous object with the key, JSON that does not fit a field naming the field and what it
/// takes. (The HTTP answers of these errors are ServiceKit's, tested there.)
struct JSONBodyDecodingTests {
    private struct Adjustment: Codable, Equatable {
        var points: Int64
        var reason: String?
    }

    private struct Measured: Codable, Equatable {
        var ratio: Double
        var count: Int64
    }

    private struct Strict: Codable, Equatable, RefusesUnknownFields {
        var name: String
        var tags: [Tag]?
        var note: String?
    }

    private struct Tag: Codable, Equatable {
        var label: String
    }

    private enum Colour: String, Codable, CaseIterable {
        case red, green
    }

    private struct Painted: Codable {
        var colour: Colour
    }

    private func bodyError<T: Decodable>(_ type: T.Type, _ json: String) -> JSONBodyError? {
        do {
            _ = try JSONCoding.decode(type, from: Array(json.utf8))
            return nil
        } catch let error as JSONBodyError {
            return error
        } catch {
            Issue.record("not a JSONBodyError: \(error)")
            return nil
        }
    }

    /// The field a value that does not fit names.
    private static func field(of error: JSONBodyError) -> String? {
        guard case .valueDoesNotFit(let path, _) = error else { return nil }
        return path
    }

    @Test(arguments: [
        (#"{"points":5.5}"#, "points"),
        (#"{"points":99999999999999999999}"#, "points"),
        (#"{"points":-9223372036854775809}"#, "points"),
        (#"{"points":1e30}"#, "points"),
    ])
    func aNumberTheFieldCannotHold_DoesNotFit_NamingTheFieldAndItsRange(json: String, field: String) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        #expect(error == .valueDoesNotFit(path: field, expected: "a whole number from \(Int64.min) to \(Int64.max)"))
    }

    @Test func aFractionInAFloatingPointField_IsKept_WhileTheIntegerFieldBesideItIsNamed() throws {
        #expect(try JSONCoding.decode(Measured.self, from: Array(#"{"ratio":0.5,"count":2}"#.utf8)).ratio == 0.5)
        let error = try #require(bodyError(Measured.self, #"{"ratio":0.5,"count":2.5}"#))
        #expect(Self.field(of: error) == "count")
    }

    private struct Series: Codable {
        var values: [Double]
        var total: Int64
    }

    @Test func manyFractionsInAnArrayOfDoubles_DoNotHideTheIntegerFieldBesideThem() throws {
        let values = (0..<5_000).map { "\($0).5" }.joined(separator: ",")
        let error = try #require(bodyError(Series.self, #"{"values":["# + values + #"],"total":1.5}"#))
        #expect(Self.field(of: error) == "total")
    }

    @Test func aNumberBeyondDouble_IsNamedWithTheRangeOfANumber() throws {
        let error = try #require(bodyError(Measured.self, #"{"ratio":1e400,"count":2}"#))
        #expect(Self.field(of: error) == "ratio")
    }

    @Test(arguments: [
        (#"{"points":5,"points":-5}"#, "points", "points"),
        (#"{"points":5,"reason":"a","\u0070oints":-5}"#, "points", "points"),
        (#"[{"label":"a","label":"b"}]"#, "[0].label", "label"),
    ])
    func aKeyNamedTwice_IsRefusedNamingTheKeyAndWhereItIs(json: String, path: String, key: String) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        #expect(error == .duplicateKey(path: path, key: key))
    }

    @Test func aLargeObjectWithADuplicateLateInIt_IsRefused() throws {
        let members = (0..<40).map { "\"k\($0)\":\($0)" } + ["\"k7\":1"]
        let error = try #require(bodyError([String: Int].self, "{" + members.joined(separator: ",") + "}"))
        #expect(error == .duplicateKey(path: "k7", key: "k7"))
    }

    @Test(arguments: [
        ("{\"points\":5,", 1, 13),
        ("{\"points\":05}", 1, 12),
        ("{\n  \"points\": tru}", 2, 13),
        ("{\"points\":\"a\u{01}\"}", 1, 13),
        ("{\"points\":5} x", 1, 14),
    ])
    func textThatIsNotJSON_IsASyntaxErrorWithItsLineAndColumn(json: String, line: Int, column: Int) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        guard case .syntax(_, let foundLine, let foundColumn, _) = error else {
            Issue.record("not a syntax error: \(error)")
            return
        }
        #expect(foundLine == line)
        #expect(foundColumn == column, "\(error.message)")
    }

    @Test func anEmptyBody_IsInvalidJSON() {
        #expect(bodyError(Adjustment.self, "") == .empty)
    }

    @Test func aTypeThatRefusesUnknownFields_NamesThem_EvenNested() throws {
        let error = try #require(
            bodyError(Strict.self, #"{"name":"a","nmae":"b","tags":[{"label":"x"},{"label":"y","colour":"red"}]}"#))
        #expect(error == .unknownFields(["nmae", "tags[1].colour"]))
    }

    @Test func aTypeThatRefusesUnknownFields_TakesItsOwnFields_AndNullsForAbsentOnes() throws {
        let value = try JSONCoding.decode(Strict.self, from: Array(#"{"name":"a","note":null,"tags":[]}"#.utf8))
        #expect(value == Strict(name: "a", tags: [], note: nil))
    }

    @Test func escapedKeysAndUnicodeText_AreReadAsTheyAre() throws {
        let value = try JSONCoding.decode(
            Adjustment.self,
            from: Array(#"{"\u0070oints":3,"reason":"za\u017c\u00F3\u0142\u0107 \ud83d\ude00 ąę"}"#.utf8))
        #expect(value == Adjustment(points: 3, reason: "zażółć 😀 ąę"))
    }
}
