import FoundationEssentials
import Glibc
import HTTP

/// A JSON body refused before or after decoding, as the client must hear it: text that is not
/// JSON, or an ambiguous object, is a 400; JSON that is well formed but does not fit the fields
/// of the request is a 422 naming the field and what it takes.
public enum JSONBodyError: HTTPResponseError, Equatable {
    /// No bytes at all where a JSON value was expected.
    case empty
    /// Not JSON (RFC 8259): what was expected, at which byte (0-based) and line and column (1-based).
    case syntax(offset: Int, line: Int, column: Int, expected: String)
    /// An object names the key twice; `path` is the member's path, e.g. `award.points`.
    case duplicateKey(path: String, key: String)
    /// A value of the right kind that the field cannot take, e.g. 5.5 where a whole number goes.
    case valueDoesNotFit(path: String, expected: String)
    /// Members that the request does not have; naming them beats dropping what the client meant.
    case unknownFields([String])

    public var status: HTTPStatus {
        switch self {
        case .empty, .syntax, .duplicateKey: .badRequest
        case .valueDoesNotFit, .unknownFields: .unprocessableContent
        }
    }

    public var code: String {
        switch self {
        case .empty, .syntax: "invalid_json"
        case .duplicateKey: "duplicate_key"
        case .valueDoesNotFit: "invalid_field"
        case .unknownFields: "unknown_field"
        }
    }

    public var message: String {
        switch self {
        case .empty:
            return "The body is empty; send a JSON value."
        case .syntax(_, let line, let column, let expected):
            return "The body is not valid JSON: expected \(expected) at line \(line), column \(column)."
        case .duplicateKey(let path, let key):
            return "The key '\(key)' appears more than once in one object (at '\(path)'); send it once."
        case .valueDoesNotFit(let path, let expected):
            return "The field '\(path.isEmpty ? "(body)" : path)' must be \(expected)."
        case .unknownFields(let fields):
            let list = fields.map { "'\($0)'" }.joined(separator: ", ")
            return fields.count == 1
                ? "The field \(list) is not part of this request." : "The fields \(list) are not part of this request."
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .empty:
            return [:]
        case .syntax(let offset, let line, let column, _):
            return ["offset": .int(Int64(offset)), "line": .int(Int64(line)), "column": .int(Int64(column))]
        case .duplicateKey(let path, let key):
            return ["field": .string(path), "key": .string(key)]
        case .valueDoesNotFit(let path, let expected):
            return ["field": .string(path), "expected": .string(expected)]
        case .unknownFields(let fields):
            return ["field": .string(fields.first ?? ""), "fields": .strings(fields)]
        }
    }
}
