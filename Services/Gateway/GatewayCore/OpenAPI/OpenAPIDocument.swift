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
        let docs = OperationDocs.all
        for route in routes {
            var operationId = self.operationId(route)
            while operationIds.contains(operationId) { operationId += "_" }
            operationIds.insert(operationId)
            let method = route.method.description.lowercased()
            paths[openAPIPath(route.publicPath), default: [:]][method] = operation(
                route, doc: docs[route.id], operationId: operationId)
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
                        + "are sent with it percent-encoded as %2F."
                ),
            ]),
            "servers": .array([.object(["url": .string("/")])]),
            "tags": .array(services.map { .object(["name": .string($0)]) }),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(OpenAPIComponents.schemas),
                "securitySchemes": .object([
                    "bearer": .object([
                        "type": .string("http"), "scheme": .string("bearer"),
                        "description": .string(
                            "An admin or storefront API key, or a customer token from POST /api/v1/auth/customer-tokens."
                        ),
                    ])
                ]),
                "responses": .object([
                    "Error": .object([
                        "description": .string("The error envelope."),
                        "content": .object(["application/json": .object(["schema": Schema.ref("ErrorEnvelope")])]),
                    ])
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

    private static func operation(_ route: PublicRoute, doc: OperationDoc?, operationId: String) -> JSONValue {
        let doc = doc ?? OperationDoc()
        var parameters: [JSONValue] = route.pathParameters.map { name in
            .object([
                "name": .string(name), "in": .string("path"), "required": .bool(true), "schema": Schema.string,
            ])
        }
        if doc.paged {
            parameters.append(
                .object([
                    "name": .string("limit"), "in": .string("query"),
                    "schema": .object([
                        "type": .string("integer"), "minimum": .number(1), "maximum": .number(500),
                        "default": .number(50),
                    ]),
                ]))
            parameters.append(.object(["name": .string("cursor"), "in": .string("query"), "schema": Schema.string]))
        }
        for query in doc.query {
            parameters.append(
                .object([
                    "name": .string(query.name), "in": .string("query"), "schema": query.schema,
                    "description": .string(query.description),
                ]))
        }
        if doc.idempotent {
            parameters.append(
                .object([
                    "name": .string("Idempotency-Key"), "in": .string("header"),
                    "schema": .object(["type": .string("string"), "minLength": .number(1), "maxLength": .number(255)]),
                    "description": .string("A repeat with the same key returns the first answer and changes nothing."),
                ]))
        }
        var responses: [String: JSONValue] = [String(doc.status): success(doc)]
        for status in doc.alsoStatuses { responses[String(status)] = success(doc) }
        let error: JSONValue = .object(["$ref": .string("#/components/responses/Error")])
        var errorStatuses = ["400", "401", "429", "default"]
        if !route.roles.contains(.anonymous) { errorStatuses.append("403") }
        if !route.pathParameters.isEmpty { errorStatuses.append("404") }
        if doc.request != nil { errorStatuses += ["413", "415", "422"] }
        if route.handling == .forwarded { errorStatuses += ["502", "503", "504"] }
        for status in errorStatuses { responses[status] = error }

        var fields: [String: JSONValue] = [
            "operationId": .string(operationId),
            "summary": .string(route.summary),
            "description": .string("\(route.summary)\n\nRoles: \(rolesText(route))."),
            "tags": .array([.string(route.service)]),
            "x-roles": .array(Principal.Role.allCases.filter { route.roles.contains($0) }.map { .string($0.rawValue) }),
            "security": route.roles.contains(.anonymous)
                ? .array([.object([:])]) : .array([.object(["bearer": .array([])])]),
            "responses": .object(responses),
        ]
        if !parameters.isEmpty { fields["parameters"] = .array(parameters) }
        if let request = doc.request {
            fields["requestBody"] = .object([
                "required": .bool(true),
                "content": .object([doc.requestContentType: .object(["schema": request])]),
            ])
        }
        return .object(fields)
    }

    private static func success(_ doc: OperationDoc) -> JSONValue {
        guard doc.status != 204 else { return .object(["description": .string("Done; no content.")]) }
        return .object([
            "description": .string("Success."),
            "content": .object([doc.responseContentType: .object(["schema": doc.response ?? Schema.anyObject])]),
        ])
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
