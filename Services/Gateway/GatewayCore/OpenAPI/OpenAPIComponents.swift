import Contract

/// The schemas of the OpenAPI document written out by hand: the envelopes every route shares and
/// the runtime's own answers (`/health`, `/ready`, `/status`). Every other body, the gateway's
/// own included, comes from its contract type (`SchemaDescribing`), through the route
/// declarations.
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

    static let core: [String: JSONValue] = [
        "ErrorEnvelope": Schema.object(
            [
                "error": Schema.object(
                    [
                        "code": .object([
                            "type": .string("string"), "description": .string("Stable snake_case code to branch on."),
                        ]),
                        "message": Schema.string,
                        "details": .object([
                            "type": .string("object"),
                            "description": .string("Specifics, e.g. `field` naming the offending field of a 422."),
                        ]),
                    ], required: ["code", "message"]),
                "requestId": Schema.string,
            ], required: ["error"], description: "The body of every non-2xx answer."),
        "Page": Schema.object(
            [
                "items": Schema.array(.object([:])),
                "nextCursor": Schema.nullable(
                    .object([
                        "type": .string("string"),
                        "description": .string("Pass as `cursor` for the next page; null on the last."),
                    ])),
            ], required: ["items", "nextCursor"],
            description: "One page of a list (`limit` 1–500, default 50; `cursor`)."),
        "Health": Schema.object(
            ["status": Schema.string, "service": Schema.string, "version": Schema.string], required: ["status"]),
        "ServiceReadiness": Schema.object(
            [
                "status": Schema.oneOf([
                    "ready", "starting", "not ready", "unreachable", "unconfigured", "crashLooping",
                ]),
                "version": Schema.string,
                "url": Schema.string,
                "restarts": Schema.integer,
                "lastExit": Schema.string,
            ], required: ["status"]),
        "ReadyReport": Schema.object(
            [
                "status": Schema.oneOf(["ready", "degraded"]),
                "service": Schema.string,
                "version": Schema.string,
                "services": .object(["type": .string("object"), "additionalProperties": Schema.ref("ServiceReadiness")]
                ),
            ], required: ["status"]),
        "ServiceStatus": Schema.object(
            [
                "service": Schema.string, "version": Schema.string, "database": Schema.string,
                "databaseReads": Schema.integer, "databaseWrites": Schema.integer, "outboxPending": Schema.integer,
                "residentBytes": Schema.integer,
            ], required: ["service", "version"]),
    ]
}
