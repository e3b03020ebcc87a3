import FoundationEssentials
import Store

/// A code as assignment and purchase hand it out.
struct OwnedCode: Sendable, Equatable {
    var id: Int64
    var code: String
}

/// Who a code belongs to: free codes, assignment, and the reservation a purchase holds while
/// loyalty is asked for the points.
///
/// A free code has no customer, no use and is active; free codes are found in code order through
/// `codes_by_campaign (campaign_id, code)`, stopping at the first ones (no index of free codes:
/// every generated code would enter it, which made writing a million codes a tenth slower). A
/// reserved code already names its buyer but is inactive, so nobody (the buyer included) can use
/// it before the points are taken, and no other assignment or purchase can take it.
enum CodeOwnershipRepository {
    /// Up to `limit` free codes of the campaign in code order, after `after` when given (a caller
    /// taking codes batch by batch passes the last code it took, so no batch reads past the codes
    /// the ones before took).
    static func freeCodes(
        campaignId: Int64, after: String? = nil, limit: Int, in connection: Connection
    ) throws -> [OwnedCode] {
        try connection.query(
            """
            SELECT id, code FROM codes
            WHERE campaign_id = ? AND code > ? AND customer_id IS NULL AND use_count = 0 AND active = 1
            ORDER BY code LIMIT ?
            """, campaignId, after ?? "", Int64(limit)
        ).map { OwnedCode(id: try $0.get("id"), code: try $0.get("code")) }
    }

    /// How many free codes the campaign has, counting no further than `upTo` (so a campaign of a
    /// million codes costs no more than the customers asking).
    static func freeCount(campaignId: Int64, upTo: Int64, in connection: Connection) throws -> Int64 {
        try connection.scalar(
            """
            SELECT COUNT(*) FROM (
                SELECT 1 FROM codes
                WHERE campaign_id = ? AND customer_id IS NULL AND use_count = 0 AND active = 1
                LIMIT ?)
            """, campaignId, upTo, as: Int64.self) ?? 0
    }

    /// Whether the customer holds a code of the campaign (assigned, bought, or reserved by a
    /// purchase under way).
    static func holdsCode(customerId: String, campaignId: Int64, in connection: Connection) throws -> Bool {
        try connection.queryOne(
            "SELECT 1 FROM codes WHERE customer_id = ? AND campaign_id = ? LIMIT 1", customerId, campaignId) != nil
    }

    /// Gives a free code to the customer; false if it was no longer free.
    static func assign(_ codeId: Int64, to customerId: String, at now: Date, in connection: Connection) throws -> Bool {
        try connection.run(
            """
            UPDATE codes SET customer_id = ?, assigned_at = ?
            WHERE id = ? AND customer_id IS NULL AND use_count = 0 AND active = 1
            """, customerId, now, codeId)
        return connection.changes == 1
    }

    /// Holds a free code for a purchase: the buyer's, inactive; false if it was no longer free.
    static func reserve(_ codeId: Int64, for customerId: String, in connection: Connection) throws -> Bool {
        try connection.run(
            """
            UPDATE codes SET customer_id = ?, active = 0
            WHERE id = ? AND customer_id IS NULL AND use_count = 0 AND active = 1
            """, customerId, codeId)
        return connection.changes == 1
    }

    /// Hands a reserved code over to its buyer: active, assigned now.
    static func completeReservation(_ codeId: Int64, at now: Date, in connection: Connection) throws {
        try connection.run("UPDATE codes SET active = 1, assigned_at = ? WHERE id = ?", now, codeId)
    }

    /// Frees a reserved code again.
    static func releaseReservation(_ codeId: Int64, in connection: Connection) throws {
        try connection.run("UPDATE codes SET customer_id = NULL, assigned_at = NULL, active = 1 WHERE id = ?", codeId)
    }
}
