import Contract

/// The schemas of the OpenAPI document, every one from a contract type (`SchemaDescribing`) and
/// so held against the type's real encoding by the conformance tests: the envelopes every route
/// shares (`ErrorEnvelope`, `Page`), and each body the route declarations refer to, the runtime's
/// own answers (`/health`, `/ready`, `/status`) and the gateway's included.
enum OpenAPIComponents {
    /// Every named schema: these and those the declarations of `routes` refer to.
    static func schemas(for routes: [PublicRoute]) -> [String: JSONValue] {
        var schemas = core
        for route in routes {
            for body in [route.declaration.request, route.declaration.response] {
                schemas.merge(body.components) { first, _ in first }
            }
        }
        return schemas
    }

    /// The envelopes every route shares, described by their contract types like every body.
    static let coreTypes: [any SchemaDescribing.Type] = [ErrorEnvelope.self, PageShape.self]

    static var core: [String: JSONValue] {
        var schemas: [String: JSONValue] = [:]
        for type in coreTypes { schemas.merge(type.components) { first, _ in first } }
        return schemas
    }
}
