import Contract
import HTTP

/// A refused JSON body as the client hears it: text that is not JSON, or an ambiguous object,
/// is a 400; JSON that is well formed but does not fit the fields of the request is a 422 naming
/// the field and what it takes.
extension JSONBodyError: HTTPResponseError {
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
