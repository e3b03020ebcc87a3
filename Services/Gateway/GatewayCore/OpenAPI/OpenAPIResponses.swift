import Contract
import HTTP

/// The responses of one operation: its success statuses with their bodies, and every error
/// status the route can answer with the error codes of each, so a client knows what to branch on.
enum OpenAPIResponses {
    /// The responses object of `route`'s operation.
    static func responses(_ route: PublicRoute) -> [String: JSONValue] {
        let declaration = route.declaration
        var responses: [String: JSONValue] = [:]
        for status in declaration.statuses {
            responses[String(status)] = success(declaration, status: status)
        }
        var codes: [Int: [(code: String, meaning: String)]] = [:]
        for error in errors(route) where responses[String(error.status)] == nil {
            if !(codes[error.status]?.contains { $0.code == error.code } ?? false) {
                codes[error.status, default: []].append((error.code, error.meaning))
            }
        }
        for (status, listed) in codes {
            responses[String(status)] = .object([
                "description": .string(listed.map { "`\($0.code)`: \($0.meaning)" }.joined(separator: " ")),
                "content": .object([
                    "application/json": .object([
                        "schema": Schema.ref("ErrorEnvelope")
                    ])
                ]),
                "x-error-codes": .array(listed.map { .string($0.code) }),
            ])
        }
        return responses
    }

    /// The errors every route of its kind can answer, then the route's own.
    static func errors(_ route: PublicRoute) -> [RouteError] {
        let declaration = route.declaration
        var errors: [RouteError] = [
            RouteError(400, "malformed_request", "The request is not valid HTTP."),
            RouteError(400, "malformed_path", "The path has a bad percent escape."),
            RouteError(400, "malformed_query", "The query string has a bad percent escape."),
            RouteError(429, "rate_limited", "Too many requests; `Retry-After` says when to try again."),
            RouteError(500, "internal_error", "Something failed on the server; the log has the details."),
        ]
        if !route.roles.contains(.anonymous) {
            errors.append(RouteError(401, "unauthorized", "No valid credentials."))
            errors.append(RouteError(403, "forbidden", "The caller's role may not do this, or not for this customer."))
        }
        if !declaration.pathParameters.isEmpty || !declaration.query.isEmpty || declaration.paged {
            errors.append(RouteError(400, "invalid_parameter", "A path or query parameter is not valid; named."))
        }
        if declaration.paged {
            errors.append(RouteError(400, "invalid_cursor", "The cursor is not one this list gave."))
        }
        if declaration.request.isPresent {
            errors.append(RouteError(413, "payload_too_large", "The body is larger than the route takes."))
        }
        if case .json = declaration.request {
            errors.append(
                RouteError(400, "invalid_json", "The body is not JSON; the line, column and offset are named."))
            errors.append(RouteError(400, "duplicate_key", "A member appears twice in one object; named."))
            errors.append(
                RouteError(422, "invalid_field", "A member is missing or not what it takes (type, range, enum); named.")
            )
            if declaration.request.refusesUnknownFields {
                errors.append(RouteError(422, "unknown_field", "The body has members the route does not take; named."))
            }
            errors.append(RouteError(415, "unsupported_media_type", "The body is not sent as application/json."))
        }
        errors += declaration.errors
        if route.handling == .forwarded {
            errors.append(RouteError(502, "bad_upstream_response", "The service gave no valid answer."))
            errors.append(RouteError(503, "service_unavailable", "The service cannot be reached."))
            errors.append(RouteError(504, "upstream_timeout", "The service did not answer in time."))
        }
        return errors
    }

    private static func success(_ declaration: RouteDeclaration, status: Int) -> JSONValue {
        switch declaration.response {
        case .none:
            return .object(["description": .string(status == 204 ? "Done; no content." : "Done.")])
        case .json(let schema, _, _):
            return .object([
                "description": .string(description(status)),
                "content": .object(["application/json": .object(["schema": schema])]),
            ])
        case .text(let contentType, let text, _):
            return .object([
                "description": .string(text),
                "content": .object([contentType: .object(["schema": Schema.string])]),
            ])
        case .binary(let contentType, let text):
            return .object([
                "description": .string(text),
                "content": .object([contentType: .object(["schema": Schema.binary])]),
            ])
        }
    }

    private static func description(_ status: Int) -> String {
        switch status {
        case 201: return "Created."
        case 202: return "Accepted."
        case 503: return "Not ready."
        default: return "Success."
        }
    }
}
