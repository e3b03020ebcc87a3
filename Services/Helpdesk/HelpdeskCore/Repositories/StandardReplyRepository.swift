import Contract
import FoundationEssentials
import Store

/// The saved standard replies.
enum StandardReplyRepository {
    static func insert(_ input: StandardReplyInput, at now: Date, in connection: Connection) throws -> StandardReply {
        try connection.run(
            "INSERT INTO standard_replies (title, body, updated_at) VALUES (?, ?, ?)", input.title, input.body, now)
        let id = connection.lastInsertRowID
        guard let reply = try find(id, in: connection) else { throw RowVanished(table: "standard_replies", id: id) }
        return reply
    }

    /// Replaces reply `id`; nil when there is none.
    static func replace(_ id: Int64, with input: StandardReplyInput, at now: Date, in connection: Connection) throws
        -> StandardReply?
    {
        try connection.run(
            "UPDATE standard_replies SET title = ?, body = ?, updated_at = ? WHERE id = ?", input.title, input.body,
            now, id)
        return connection.changes == 1 ? try find(id, in: connection) : nil
    }

    static func delete(_ id: Int64, in connection: Connection) throws -> Bool {
        try connection.run("DELETE FROM standard_replies WHERE id = ?", id)
        return connection.changes == 1
    }

    static func find(_ id: Int64, in connection: Connection) throws -> StandardReply? {
        try connection.queryOne("SELECT id, title, body, updated_at FROM standard_replies WHERE id = ?", id).map(reply)
    }

    /// Up to `limit` replies after the one at `after` (title, id), by title.
    static func list(after: (title: String, id: Int64)?, limit: Int, in connection: Connection) throws
        -> [StandardReply]
    {
        var conditions = SQLConditions()
        if let after { conditions.add("(title > ? OR (title = ? AND id > ?))", after.title, after.title, after.id) }
        return try connection.query(
            "SELECT id, title, body, updated_at FROM standard_replies \(conditions.whereClause) ORDER BY title, id LIMIT ?",
            bindings: conditions.bindings + [limit]
        ).map(reply)
    }

    private static func reply(_ row: Row) throws -> StandardReply {
        StandardReply(
            id: try row.get("id"), title: try row.get("title"), body: try row.get("body"),
            updatedAt: try row.get("updated_at"))
    }
}
