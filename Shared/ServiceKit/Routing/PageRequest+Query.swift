import Contract
import HTTP

extension PageRequest {
    /// Reads `limit` and `cursor` from a query; a bad limit is a 400.
    public init(query: QueryParameters) throws(HTTPError) {
        let limit = try query.get("limit", as: Int.self) ?? Self.defaultLimit
        guard (1...Self.maxLimit).contains(limit) else {
            throw HTTPError.badRequest(
                "limit must be between 1 and \(Self.maxLimit).", code: "invalid_parameter",
                details: ["parameter": .string("limit")])
        }
        self.init(limit: limit, cursor: query["cursor"].flatMap { $0.isEmpty ? nil : $0 })
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
