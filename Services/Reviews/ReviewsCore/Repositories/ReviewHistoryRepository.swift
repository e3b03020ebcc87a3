import Contract
import FoundationEssentials
import Store

/// The history of every review: one row per change, kept after the review is deleted.
enum ReviewHistoryRepository {
    /// Records a change.
    static func append(_ entry: ReviewHistoryEntry, in connection: Connection) throws {
        let changes = String(decoding: try JSONCoding.encode(entry.changes), as: UTF8.self)
        try connection.run(
            "INSERT INTO review_history (review_id, at, actor, action, changes) VALUES (?, ?, ?, ?, ?)",
            entry.reviewId, entry.at, entry.actor, entry.action.rawValue, changes)
    }

    /// Up to `limit` entries of the review after the entry `afterId`, oldest first, each with its
    /// row id (the page's cursor).
    static func entries(of reviewId: Int64, afterId: Int64?, limit: Int, in connection: Connection) throws
        -> [(id: Int64, entry: ReviewHistoryEntry)]
    {
        try connection.query(
            """
            SELECT id, review_id, at, actor, action, changes FROM review_history
            WHERE review_id = ? AND id > ? ORDER BY id LIMIT ?
            """, reviewId, afterId ?? 0, limit
        ).map { (try $0.get("id"), try entry($0)) }
    }

    /// An entry from a row of `review_id, at, actor, action, changes`.
    static func entry(_ row: Row) throws -> ReviewHistoryEntry {
        let action: String = try row.get("action")
        let changes: String = try row.get("changes")
        return ReviewHistoryEntry(
            reviewId: try row.get("review_id"), at: try row.get("at"), actor: try row.get("actor"),
            action: ReviewAction(rawValue: action) ?? .edited,
            changes: try JSONCoding.decode([ReviewFieldChange].self, from: Array(changes.utf8)))
    }

    /// Whether review `id` ever existed: it has a history.
    static func exists(_ reviewId: Int64, in connection: Connection) throws -> Bool {
        try connection.scalar("SELECT 1 FROM review_history WHERE review_id = ? LIMIT 1", reviewId, as: Int64.self)
            != nil
    }
}
