import FoundationEssentials
import Glibc

/// A JSON body refused before or after decoding: text that is not JSON, an ambiguous object, or
/// JSON that is well formed but does not fit the fields of the type. Its HTTP answer (400 for the
/// first two, 422 naming the field for the others) is given beside the routes
/// (`JSONBodyError+HTTP.swift` in ServiceKit).
public enum JSONBodyError: Error, Equatable {
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

}
