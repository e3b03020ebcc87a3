import Primitives

/// A `DecodingError` described for a client: which field, what it takes, and the status. Text
/// that is not JSON is a 400 `invalid_json`; JSON that is well formed but does not fit the
/// request (a missing field, a string where a number goes, a value outside an enumeration) is a
/// 422 `invalid_field` naming the field in `details.field`.
public struct DecodingProblem {
    /// The coding path as clients read it; empty for the body itself.
    public let path: String
    /// A sentence naming the field and what it takes.
    public let message: String
    /// What the field takes, when that is known (`a whole number from … to …`).
    public let expected: String?
    /// 400 for text that is not JSON, 422 otherwise.
    public let status: HTTPStatus

    /// The error code clients branch on.
    public var code: String { status == .badRequest ? "invalid_json" : "invalid_field" }

    /// The details object: the field, and what it takes when known.
    public var detailsJSON: String {
        var text = "{"
        if let expected { text += "\"expected\":\(JSONText.quoted(expected))," }
        return text + "\"field\":\(JSONText.quoted(path))}"
    }

    /// A coding path as clients read it: `buyer.name`, `lines[2].quantity`.
    public static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        DecodingText.path(codingPath)
    }

    /// Words `error` for a client.
    public init(_ error: DecodingError) {
        let describe = Self.fieldPath
        var status = HTTPStatus.unprocessableContent
        var expected: String?
        switch error {
        case .keyNotFound(let key, let context):
            path = describe(context.codingPath + [key])
            message = "The field '\(path)' is required."
        case .typeMismatch(let type, let context):
            path = describe(context.codingPath)
            expected = Self.name(of: type)
            message = "The field '\(path.isEmpty ? "(body)" : path)' must be \(Self.name(of: type))."
        case .valueNotFound(let type, let context):
            path = describe(context.codingPath)
            expected = Self.name(of: type)
            message = "The field '\(path)' must be \(Self.name(of: type)), not null."
        case .dataCorrupted(let context):
            path = describe(context.codingPath)
            if path.isEmpty {
                // Foundation's decoder reports a syntax fault with an empty path and no position.
                status = .badRequest
                message = "The body is not valid JSON."
            } else {
                message = "The field '\(path)' is invalid: \(context.debugDescription)"
            }
        @unknown default:
            path = ""
            status = .badRequest
            message = "The body could not be read."
        }
        self.status = status
        self.expected = expected
    }

    /// What a value of `type` is, in words: integers name their range.
    public static func name(of type: Any.Type) -> String {
        DecodingText.expectation(of: type)
    }
}
