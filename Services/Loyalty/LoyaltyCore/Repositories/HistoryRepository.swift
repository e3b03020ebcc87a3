import Contract
import FoundationEssentials
import Glibc
import Store

/// Reads the history of a customer's points, newest first.
enum HistoryRepository {
    /// Entries with id below `beforeId` (all when nil), newest first, at most `limit`.
    static func page(_ customerId: String, beforeId: Int64?, limit: Int, in connection: Connection) throws
        -> [HistoryEntry]
    {
        try connection.query(
            "SELECT * FROM history WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
            customerId, beforeId ?? Int64.max, limit
        ).map(entry(from:))
    }

    /// Every entry of the customer, oldest first, one at a time (CSV statements).
    static func forEach(_ customerId: String, in connection: Connection, _ body: (HistoryEntry) throws -> Void) throws {
        try connection.forEachRow("SELECT * FROM history WHERE customer_id = ? ORDER BY id", bindings: [customerId]) {
            row in
            try body(try entry(from: row))
        }
    }

    /// The sum of the history's point changes, per customer (for checks and operators).
    static func totals(_ customerId: String, in connection: Connection) throws -> (points: Int64, pending: Int64) {
        let row = try connection.queryOne(
            "SELECT coalesce(sum(points), 0) AS points, coalesce(sum(pending_points), 0) AS pending FROM history WHERE customer_id = ?",
            customerId
        )
        return (try row?.get("points", as: Int64.self) ?? 0, try row?.get("pending", as: Int64.self) ?? 0)
    }

    /// An entry from a `SELECT *` row.
    static func entry(from row: Row) throws -> HistoryEntry {
        let ruleId: Int64? = try row.get("rule_id")
        let ruleName: String? = try row.get("rule_name")
        let cause = HistoryCause(
            rule: ruleId.map { RuleReference(id: $0, name: ruleName ?? "") },
            orderNumber: try row.get("order_number"), reviewId: try row.get("review_id"),
            exchangeOrderId: try row.get("exchange_order_id"), debitId: try row.get("debit_id"),
            actor: try row.get("actor"), reason: try row.get("reason"), publicNote: try row.get("public_note")
        )
        return HistoryEntry(
            id: try row.get("id"), customerId: try row.get("customer_id"),
            kind: HistoryKind(rawValue: try row.get("kind")) ?? .adjustment,
            points: try row.get("points"), pendingPoints: try row.get("pending_points"),
            balanceAfter: try row.get("balance_after"), pendingAfter: try row.get("pending_after"),
            createdAt: try row.get("created_at"), expiresAt: try row.get("expires_at"), cause: cause
        )
    }
}
