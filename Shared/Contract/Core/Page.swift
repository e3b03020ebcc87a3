import HTTP

/// One page of a list: `{"items": […], "nextCursor": "…" | null}`.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // `nextCursor` is always present, null on the last page, as the API promises.
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor }
}

/// The `limit` and `cursor` of a list request: limit 1…500, default 50. Cursors are opaque to
/// clients; services use a keyset position (the last item's sort key) encoded in them.
public struct PageRequest: Sendable, Equatable {
    public static let defaultLimit = 50
    public static let maxLimit = 500

    public var limit: Int
    public var cursor: String?

    public init(limit: Int = PageRequest.defaultLimit, cursor: String? = nil) {
        self.limit = limit
        self.cursor = cursor
    }

    /// Reads `limit` and `cursor` from a query; a bad limit is a 400.
    public init(query: QueryParameters) throws(HTTPError) {
        let limit = try query.get("limit", as: Int.self) ?? Self.defaultLimit
        guard (1...Self.maxLimit).contains(limit) else {
            throw HTTPError.badRequest(
                "limit must be between 1 and \(Self.maxLimit).", code: "invalid_parameter",
                details: ["parameter": .string("limit")])
        }
        self.limit = limit
        self.cursor = query["cursor"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The cursor read as an integer keyset position (e.g. the last id seen); a bad one is a 400.
    public func integerCursor() throws(HTTPError) -> Int64? {
        guard let cursor else { return nil }
        guard let value = Int64(cursor), value >= 0 else {
            throw HTTPError.badRequest("The cursor is not valid.", code: "invalid_cursor")
        }
        return value
    }
}
