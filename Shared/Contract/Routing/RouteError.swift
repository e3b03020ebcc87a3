/// One error a route can answer beyond the ones every route shares: its status, its stable
/// `error.code`, and when it happens. Listed in the route's declaration and its OpenAPI operation.
public struct RouteError: Sendable, Hashable {
    public let status: Int
    public let code: String
    public let meaning: String

    /// Creates an error of `status`.
    public init(_ status: Int, _ code: String, _ meaning: String) {
        self.status = status
        self.code = code
        self.meaning = meaning
    }

    /// A 404 for a named thing that does not exist.
    public static func notFound(_ meaning: String) -> RouteError {
        RouteError(404, "not_found", meaning)
    }

    /// A 404 with its own code.
    public static func notFound(code: String, _ meaning: String) -> RouteError {
        RouteError(404, code, meaning)
    }

    /// A 409: the request is valid but the state forbids it.
    public static func conflict(_ code: String, _ meaning: String) -> RouteError {
        RouteError(409, code, meaning)
    }

    /// A 422: the body decoded but breaks a rule.
    public static func unprocessable(_ code: String, _ meaning: String) -> RouteError {
        RouteError(422, code, meaning)
    }

    /// 422 `validation_failed`, naming the offending fields in `details.fields`.
    public static let validationFailed = RouteError(
        422, "validation_failed", "A field breaks a rule; `details.field` names the first, `details.fields` all.")

    /// 422 `invalid_identifier`: a body field holding an id breaks its kind's rule (`IdentifierKind`).
    public static let invalidIdentifier = RouteError(
        422, "invalid_identifier", "An id in the body breaks its identifier rule; `details.field` names it.")

    /// The errors of a route honouring `Idempotency-Key`.
    public static let idempotency: [RouteError] = [
        RouteError(400, "invalid_idempotency_key", "Idempotency-Key is not 1–255 characters."),
        RouteError(422, "idempotency_key_reused", "The key was used before with a different request."),
    ]
}

/// A query parameter a route reads, besides `limit` and `cursor` of a paged list.
public struct QueryParameter: Sendable {
    public let name: String
    public let schema: JSONValue
    public let description: String

    /// A filter, text unless `schema` says otherwise.
    public init(_ name: String, _ description: String, _ schema: JSONValue = Schema.string) {
        self.name = name
        self.schema = schema
        self.description = description
    }
}
