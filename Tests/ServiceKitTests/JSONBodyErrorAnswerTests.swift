import Contract
import Foundation
import HTTP
import ServiceKit
import Testing

/// The HTTP answers of a refused JSON body: text that is not JSON and ambiguous objects are 400s
/// with the position or the key; JSON that does not fit a field is a 422 naming the field and
/// what it takes. (What the decoder refuses is tested with the JSON module.)
struct JSONBodyErrorAnswerTests {
    @Test func textThatIsNotJSON_Is400InvalidJSON_WithItsPosition() {
        let error = JSONBodyError.syntax(offset: 12, line: 2, column: 13, expected: "a value")
        #expect(error.status == .badRequest && error.code == "invalid_json")
        #expect(error.details == ["offset": .int(12), "line": .int(2), "column": .int(13)])
        #expect(JSONBodyError.empty.status == .badRequest && JSONBodyError.empty.code == "invalid_json")
        #expect(JSONBodyError.empty.details.isEmpty)
    }

    @Test func aKeyNamedTwice_Is400DuplicateKey_NamingTheKeyAndWhereItIs() {
        let error = JSONBodyError.duplicateKey(path: "[0].label", key: "label")
        #expect(error.status == .badRequest && error.code == "duplicate_key")
        #expect(error.details == ["field": .string("[0].label"), "key": .string("label")])
    }

    @Test func aValueThatDoesNotFit_Is422InvalidField_NamingTheFieldAndWhatItTakes() {
        let error = JSONBodyError.valueDoesNotFit(path: "points", expected: "a whole number")
        #expect(error.status == .unprocessableContent && error.code == "invalid_field")
        #expect(error.details == ["field": .string("points"), "expected": .string("a whole number")])
    }

    @Test func unknownFields_Are422UnknownField_NamingTheFirstAndAll() {
        let error = JSONBodyError.unknownFields(["nmae", "tags[1].colour"])
        #expect(error.status == .unprocessableContent && error.code == "unknown_field")
        #expect(error.details == ["field": .string("nmae"), "fields": .strings(["nmae", "tags[1].colour"])])
    }

    private enum Colour: String, Codable, CaseIterable {
        case red, green
    }

    private struct Painted: Codable {
        var colour: Colour
    }

    @Test func aValueOutsideAnEnumeration_Is422ListingTheAllowedValues() {
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
}
