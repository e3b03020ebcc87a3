import HTTP
import Identifiers

// Where the shop's identifiers meet HTTP: the server knows nothing of them (it reads parameters
// through `ParameterConvertible`, answers errors through `HTTPResponseError`), so the runtime,
// which knows both, joins them.
extension Identifier: ParameterConvertible {
    /// A path or query parameter that breaks the rule is nil, so `require` answers 400.
    public init?(parameter: String) { self.init(parameter) }

    public static var parameterDescription: String {
        "1–\(Kind.maxLength) characters of \(Kind.alphabetDescription)"
    }
}

extension InvalidIdentifier: HTTPResponseError {
    /// Well-formed JSON whose value breaks the identifier rule: 422, naming the field.
    public var status: HTTPStatus { .unprocessableContent }
    public var code: String { "invalid_identifier" }
    public var details: [String: ErrorDetail] { ["field": .string(field), "fields": .strings([field])] }
}
