import Contract

extension Page {
    /// A page of `limit + 1` fetched items: the extra one only tells that more follow.
    ///
    /// ```swift
    /// let records = try repository.list(beforeId: cursor, limit: page.limit + 1)
    /// return try .json(Page.keyset(records, limit: page.limit) { String($0.id) })
    /// ```
    public static func keyset(_ fetched: [Item], limit: Int, cursor: (Item) -> String) -> Page<Item> {
        let items = Array(fetched.prefix(limit))
        let more = fetched.count > limit
        return Page(items: items, nextCursor: more ? items.last.map(cursor) : nil)
    }
}
