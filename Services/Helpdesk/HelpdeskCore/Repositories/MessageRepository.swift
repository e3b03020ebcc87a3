import Contract
import FoundationEssentials
import Store

/// A thread's messages and status changes.
enum MessageRepository {
    /// Stores a message and returns it as stored.
    static func insert(
        threadId: Int64, from: MessageAuthorRole, author: String, body: String, note: Bool, standardReplyId: Int64?,
        at now: Date, in connection: Connection
    ) throws -> ThreadMessage {
        try connection.run(
            """
            INSERT INTO messages (thread_id, from_role, author, body, note, standard_reply_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, threadId, from.rawValue, author, body, note, standardReplyId, now)
        let id = connection.lastInsertRowID
        guard
            let row = try connection.queryOne(
                "SELECT id, from_role, author, body, note, standard_reply_id, created_at FROM messages WHERE id = ?", id
            )
        else { throw RowVanished(table: "messages", id: id) }
        return try message(row)
    }

    /// The thread's messages, oldest first; notes only when `notes`.
    static func messages(of threadId: Int64, notes: Bool, in connection: Connection) throws -> [ThreadMessage] {
        try connection.query(
            """
            SELECT id, from_role, author, body, note, standard_reply_id, created_at FROM messages
            WHERE thread_id = ? AND (note = 0 OR ?) ORDER BY id
            """, threadId, notes
        ).map(message)
    }

    static func recordStatusChange(
        threadId: Int64, from: ThreadStatus?, to: ThreadStatus, actor: String, at now: Date, in connection: Connection
    ) throws {
        try connection.run(
            "INSERT INTO status_changes (thread_id, from_status, to_status, actor, at) VALUES (?, ?, ?, ?, ?)",
            threadId, from?.rawValue, to.rawValue, actor, now)
    }

    static func statusChanges(of threadId: Int64, in connection: Connection) throws -> [StatusChangeRecord] {
        try connection.query(
            "SELECT from_status, to_status, actor, at FROM status_changes WHERE thread_id = ? ORDER BY id", threadId
        ).map { row in
            let from: String? = try row.get("from_status")
            let to: String = try row.get("to_status")
            return StatusChangeRecord(
                from: from.flatMap(ThreadStatus.init(rawValue:)), to: ThreadStatus(rawValue: to) ?? .reported,
                actor: try row.get("actor"), at: try row.get("at"))
        }
    }

    private static func message(_ row: Row) throws -> ThreadMessage {
        let from: String = try row.get("from_role")
        return ThreadMessage(
            id: try row.get("id"), from: MessageAuthorRole(rawValue: from) ?? .customer, author: try row.get("author"),
            body: try row.get("body"), note: try row.get("note", as: Int64.self) == 1,
            standardReplyId: try row.get("standard_reply_id"), createdAt: try row.get("created_at"))
    }
}
