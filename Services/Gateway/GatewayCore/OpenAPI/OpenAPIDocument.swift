import Contract
import HTTP

/// The OpenAPI 3.1 description of the public API, generated from the access table: every route
/// with who may call it (in its description, `security` and `x-roles`), its parameters, and the
/// bodies the operation table knows.
public enum OpenAPIDocument {
    /// The document for `routes`.
    public static func build(routes: [PublicRoute] = AccessTable.routes, version: String) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        var operationIds = Set<String>()
        for route in routes {
            var operationId = self.operationId(route)
            while operationIds.contains(operationId) { operationId += "_" }
            operationIds.insert(operationId)
            let method = route.method.description.lowercased()
            paths[openAPIPath(route.publicPath), default: [:]][method] = operation(
                route, operationId: operationId)
        }
        let services = Set(routes.map(\.service)).sorted()
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Zaplecze"),
                "version": .string(version),
                "description": .string(
                    "The back office of an online shop behind one gateway. Errors always use the ErrorEnvelope; "
                        + "lists take `limit` and `cursor`; `X-Request-Id` is echoed. Order numbers containing '/' "
                        + "are sent with it percent-encoded as %2F. A path called with a method it does not list "
                        + "answers 405 `method_not_allowed` with `Allow`."
                ),
            ]),
            "servers": .array([.object(["url": .string("/")])]),
            "tags": .array(services.map { .object(["name": .string($0)]) }),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(OpenAPIComponents.schemas(for: routes)),
                "securitySchemes": .object([
                    "bearer": .object([
                        "type": .string("http"), "scheme": .string("bearer"),
                        "description": .string(
                            "An admin or storefront API key, or a customer token from POST /api/v1/auth/customer-tokens."
                        ),
                    ]),
                    "panelSession": .object([
                        "type": .string("apiKey"), "in": .string("cookie"), "name": .string(SessionCookie.name),
                        "description": .string(
                            "The admin panel's session, from POST /api/v1/auth/sessions with an admin key: it admits "
                                + "what an admin key admits, and every call that changes something repeats the "
                                + "session's csrfToken in \(SessionCookie.csrfHeader)."),
                    ]),
                ]),
            ]),
        ])
    }

    /// `/customers/:customerId` → `/customers/{customerId}`.
    public static func openAPIPath(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }

    /// Who may call a route, in words.
    static func rolesText(_ route: PublicRoute) -> String {
        if route.roles.contains(.anonymous) { return "anyone (no token needed)" }
        return Principal.Role.allCases.filter { route.roles.contains($0) }.map { role in
            if role == .customer, let parameter = route.customerParameter {
                return "customer (only their own: `\(parameter)` must be the token's customer)"
            }
            return role.rawValue
        }.joined(separator: ", ")
    }

    /// How a route may be called: anyone; a key or token; or, where an admin may call it, also
    /// the admin panel's session cookie.
    static func security(_ route: PublicRoute) -> JSONValue {
        if route.roles.contains(.anonymous) { return .array([.object([:])]) }
        let bearer: JSONValue = .object(["bearer": .array([])])
        guard route.roles.contains(.admin) else { return .array([bearer]) }
        return .array([bearer, .object(["panelSession": .array([])])])
    }

    private static func operation(_ route: PublicRoute, operationId: String) -> JSONValue {
        let declaration = route.declaration
        var fields: [String: JSONValue] = [
            "operationId": .string(operationId),
            "summary": .string(route.summary),
            "description": .string("\(route.summary)\n\nRoles: \(rolesText(route))."),
            "tags": .array([.string(route.service)]),
            "x-roles": .array(Principal.Role.allCases.filter { route.roles.contains($0) }.map { .string($0.rawValue) }),
            "security": security(route),
            "responses": .object(OpenAPIResponses.responses(route)),
        ]
        let parameters = OpenAPIParameters.parameters(route)
        if !parameters.isEmpty { fields["parameters"] = .array(parameters) }
        switch declaration.request {
        case .none:
            break
        case .json(let schema, _, let example):
            var media: [String: JSONValue] = ["schema": schema]
            if let example { media["example"] = example }
            fields["requestBody"] = .object([
                "required": .bool(!declaration.optionalBody),
                "content": .object(["application/json": .object(media)]),
            ])
        case .text(let contentType, let description, let example):
            var media: [String: JSONValue] = ["schema": Schema.string]
            if let example { media["example"] = .string(example) }
            fields["requestBody"] = .object([
                "required": .bool(true), "description": .string(description),
                "content": .object([contentType: .object(media)]),
            ])
        case .binary(let contentType, let description):
            fields["requestBody"] = .object([
                "required": .bool(true), "description": .string(description),
                "content": .object([contentType: .object(["schema": Schema.binary])]),
            ])
        }
        return .object(fields)
    }

    /// `GET /api/v1/loyalty/customers/:customerId` → `getLoyaltyCustomersByCustomerId`.
    static func operationId(_ route: PublicRoute) -> String {
        var id = route.method.description.lowercased()
        for segment in route.publicPath.split(separator: "/") where segment != "api" && segment != "v1" {
            let name = segment.hasPrefix(":") ? "By" + capitalised(segment.dropFirst()) : capitalised(segment)
            id += name
        }
        return id
    }

    private static func capitalised(_ text: Substring) -> String {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { word in
            word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
    }
}
