import Contract
import Foundation
import HTTP
import Testing

/// What `JSONCoding.decode` refuses, and how: text that is not JSON and ambiguous objects are
/// 400s with the position or the key; JSON that does not fit a field is a 422 naming the field
/// and what it takes.
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

    @Test(arguments: [
        (#"{"points":5.5}"#, "points"),
        (#"{"points":99999999999999999999}"#, "points"),
        (#"{"points":-9223372036854775809}"#, "points"),
        (#"{"points":1e30}"#, "points"),
    ])
    func aNumberTheFieldCannotHold_Is422NamingTheFieldAndItsRange(json: String, field: String) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        #expect(error == .valueDoesNotFit(path: field, expected: "a whole number from \(Int64.min) to \(Int64.max)"))
        #expect(error.status == .unprocessableContent)
        #expect(error.code == "invalid_field")
    }

    @Test func aFractionInAFloatingPointField_IsKept_WhileTheIntegerFieldBesideItIsNamed() throws {
        #expect(try JSONCoding.decode(Measured.self, from: Array(#"{"ratio":0.5,"count":2}"#.utf8)).ratio == 0.5)
        let error = try #require(bodyError(Measured.self, #"{"ratio":0.5,"count":2.5}"#))
        #expect(error.details["field"] == .string("count"))
    }

    private struct Series: Codable {
        var values: [Double]
        var total: Int64
    }

    @Test func manyFractionsInAnArrayOfDoubles_DoNotHideTheIntegerFieldBesideThem() throws {
        let values = (0..<5_000).map { "\($0).5" }.joined(separator: ",")
        let error = try #require(bodyError(Series.self, #"{"values":["# + values + #"],"total":1.5}"#))
        #expect(error.details["field"] == .string("total"))
    }

    @Test func aNumberBeyondDouble_IsNamedWithTheRangeOfANumber() throws {
        let error = try #require(bodyError(Measured.self, #"{"ratio":1e400,"count":2}"#))
        #expect(error.details["field"] == .string("ratio"))
    }

    @Test(arguments: [
        (#"{"points":5,"points":-5}"#, "points"),
        (#"{"points":5,"reason":"a","\u0070oints":-5}"#, "points"),
        (#"[{"label":"a","label":"b"}]"#, "[0].label"),
    ])
    func aKeyNamedTwice_Is400NamingTheKey(json: String, path: String) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        #expect(error.code == "duplicate_key")
        #expect(error.status == .badRequest)
        #expect(error.details["key"] == .string("points") || error.details["key"] == .string("label"))
        #expect(error.details["field"] == .string(path))
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
    func textThatIsNotJSON_Is400WithItsLineAndColumn(json: String, line: Int, column: Int) throws {
        let error = try #require(bodyError(Adjustment.self, json))
        #expect(error.code == "invalid_json")
        #expect(error.details["line"] == .int(Int64(line)))
        #expect(error.details["column"] == .int(Int64(column)), "\(error.message)")
    }

    @Test func anEmptyBody_IsInvalidJSON() {
        #expect(bodyError(Adjustment.self, "") == .empty)
    }

    @Test func aValueOutsideAnEnumeration_ListsTheAllowedValues() {
        do {
            _ = try JSONCoding.decode(Painted.self, from: Array(#"{"colour":"all"}"#.utf8))
            Issue.record("decoded")
        } catch let error as DecodingError {
            let problem = DecodingProblem(error)
            #expect(problem.path == "colour")
            #expect(problem.status == .unprocessableContent)
            #expect(problem.message.contains("red, green"), "\(problem.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aTypeThatRefusesUnknownFields_NamesThem_EvenNested() throws {
        let error = try #require(
            bodyError(Strict.self, #"{"name":"a","nmae":"b","tags":[{"label":"x"},{"label":"y","colour":"red"}]}"#))
        #expect(error == .unknownFields(["nmae", "tags[1].colour"]))
        #expect(error.status == .unprocessableContent)
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
