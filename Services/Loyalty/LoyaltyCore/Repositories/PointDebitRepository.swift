import Contract
import FoundationEssentials
import Glibc
import Store

/// A debit as stored, with the entries that took and returned its points.
struct PointDebitRecord {
    var debit: PointDebit
    var historyId: Int64
    var compensationHistoryId: Int64?
}

/// Debits taken by other services, keyed by the caller's debit id.
enum PointDebitRepository {
    /// The debit with `debitId`, or nil.
    static func find(_ debitId: String, in connection: Connection) throws -> PointDebitRecord? {
        try connection.queryOne("SELECT * FROM point_debits WHERE debit_id = ?", debitId).map(record)
    }

    /// A debit from a `SELECT *` row.
    static func record(_ row: Row) throws -> PointDebitRecord {
        PointDebitRecord(
            debit: PointDebit(
                debitId: try row.get("debit_id"), customerId: try row.get("customer_id"), points: try row.get("points"),
                reason: try row.get("reason"), balanceAfter: try row.get("balance_after"),
                createdAt: try row.get("created_at"), compensatedAt: try row.get("compensated_at")
            ),
            historyId: try row.get("history_id"),
            compensationHistoryId: try row.get("compensation_history_id")
        )
    }

    /// Stores a debit that has just been taken.
    static func insert(_ debit: PointDebit, historyId: Int64, in connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO point_debits (debit_id, customer_id, points, reason, history_id, balance_after, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            debit.debitId, debit.customerId, debit.points, debit.reason, historyId, debit.balanceAfter, debit.createdAt
        )
    }

    /// Records that the debit's points went back.
    static func markCompensated(_ debitId: String, historyId: Int64, at now: Date, in connection: Connection) throws {
        try connection.run(
            "UPDATE point_debits SET compensated_at = ?, compensation_history_id = ? WHERE debit_id = ?",
            now, historyId, debitId
        )
    }
}
