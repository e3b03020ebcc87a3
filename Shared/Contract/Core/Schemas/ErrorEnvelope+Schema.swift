extension ErrorEnvelope: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
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
            ], required: ["error"], description: "The body of every non-2xx answer.")
    }

    public static var example: ErrorEnvelope {
        ErrorEnvelope(
            error: Body(
                code: "validation_failed", message: "points: Must not be 0.",
                details: ["field": .string("points"), "fields": .array([.string("points")])]),
            requestId: "7f3c9a2e")
    }
}

/// The shape every page of a list shares, as the document's `Page` component: `Page` itself
/// is generic over its items, so this stands for it with items of any kind and encodes exactly
/// as a `Page` does (`nextCursor` always written, null on the last page).
public struct PageShape: SchemaDescribing, Equatable {
    public var items: [JSONValue]
    public var nextCursor: String?

    /// A page of `items`, `nextCursor` nil on the last.
    public init(items: [JSONValue], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public init(from decoder: any Decoder) throws {
        let page = try Page<JSONValue>(from: decoder)
        self.init(items: page.items, nextCursor: page.nextCursor)
    }

    public func encode(to encoder: any Encoder) throws {
        try Page(items: items, nextCursor: nextCursor).encode(to: encoder)
    }

    public static var schemaName: String { "Page" }

    public static var schema: JSONValue {
        Schema.object(
            [
                "items": Schema.array(.object([:])),
                "nextCursor": Schema.nullable(
                    .object([
                        "type": .string("string"),
                        "description": .string("Pass as `cursor` for the next page; null on the last."),
                    ])),
            ], required: ["items", "nextCursor"],
            description: "One page of a list (`limit` 1–500, default 50; `cursor`).")
    }

    public static var example: PageShape {
        PageShape(items: [.object(["id": .string("1")])], nextCursor: "1")
    }
}
