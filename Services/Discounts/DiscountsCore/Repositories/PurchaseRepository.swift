import Contract
import FoundationEssentials
import HTTP
import ServiceKit
import Store

/// Purchases of codes for points (`purchases`), with their code's text.
enum PurchaseRepository {
    /// The query `record(_:)` reads, without its conditions.
    static let select = """
        SELECT p.*, c.code AS code, k.name AS campaign_name
        FROM purchases p JOIN codes c ON c.id = p.code_id JOIN campaigns k ON k.id = p.campaign_id
        """

    /// The purchase made under the caller's Idempotency-Key, or nil.
    static func find(_ claim: Idempotency.Claim, in connection: Connection) throws -> PurchaseRecord? {
        try connection.queryOne(
            select + " WHERE p.idempotency_scope = ? AND p.idempotency_key = ?", claim.scope, claim.key
        ).map(record)
    }

    /// The purchase with `id`, or nil.
    static func find(_ id: Int64, in connection: Connection) throws -> PurchaseRecord? {
        try connection.queryOne(select + " WHERE p.id = ?", id).map(record)
    }

    /// Pending purchases after `afterId`, oldest first.
    static func pending(afterId: Int64, limit: Int, in connection: Connection) throws -> [PurchaseRecord] {
        try connection.query(
            select + " WHERE p.state = 'pending' AND p.id > ? ORDER BY p.id LIMIT ?", afterId, Int64(limit)
        ).map(record)
    }

    /// Records a new pending purchase of a reserved code; returns it.
    static func insert(
        offer: CampaignOffer, code: OwnedCode, customerId: String, points: Int64, claim: Idempotency.Claim?,
        at now: Date, in connection: Connection
    ) throws -> PurchaseRecord {
        let debitId = "discounts-purchase-" + SecureRandom.token(bytes: 16)
        try connection.run(
            """
            INSERT INTO purchases (debit_id, campaign_id, code_id, customer_id, points, state,
                idempotency_scope, idempotency_key, fingerprint, created_at)
            VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)
            """, debitId, offer.id, code.id, customerId, points, claim?.scope, claim?.key, claim?.fingerprint, now)
        return PurchaseRecord(
            id: connection.lastInsertRowID, debitId: debitId, campaignId: offer.id, campaignName: offer.name,
            codeId: code.id, code: code.code,
            customerId: customerId, points: points, state: .pending, fingerprint: claim?.fingerprint, refusal: nil,
            createdAt: now, settledAt: nil)
    }

    /// Marks a pending purchase completed; false if it was no longer pending.
    static func markCompleted(_ id: Int64, at now: Date, in connection: Connection) throws -> Bool {
        try connection.run(
            "UPDATE purchases SET state = 'completed', settled_at = ? WHERE id = ? AND state = 'pending'", now, id)
        return connection.changes == 1
    }

    /// Marks a pending purchase refused with `refusal`; false if it was no longer pending.
    static func markRefused(
        _ id: Int64, refusal: PurchaseRefusal, at now: Date, in connection: Connection
    ) throws -> Bool {
        try connection.run(
            """
            UPDATE purchases SET state = 'refused', settled_at = ?, refusal_status = ?, refusal_code = ?,
                refusal_message = ?, refusal_details = ?
            WHERE id = ? AND state = 'pending'
            """, now, Int64(refusal.statusCode), refusal.code, refusal.message, refusal.detailsJSON, id)
        return connection.changes == 1
    }

    /// A purchase from a row of `select`.
    static func record(_ row: Row) throws -> PurchaseRecord {
        let stateText: String = try row.get("state")
        guard let state = PurchaseRecord.State(rawValue: stateText) else {
            throw UnknownStoredValue(column: "state", text: stateText)
        }
        var refusal: PurchaseRefusal?
        if let code: String = try row.get("refusal_code") {
            let detailsText: String = try row.get("refusal_details", as: String?.self) ?? "{}"
            var details: [String: ErrorDetail] = [:]
            if case .object(let fields)? = try? JSONCoding.decode(JSONValue.self, from: Array(detailsText.utf8)) {
                details = fields.compactMapValues(ServiceClient.detail)
            }
            refusal = PurchaseRefusal(
                statusCode: Int(try row.get("refusal_status", as: Int64.self)), code: code,
                message: try row.get("refusal_message"), details: details)
        }
        return PurchaseRecord(
            id: try row.get("id"), debitId: try row.get("debit_id"), campaignId: try row.get("campaign_id"),
            campaignName: try row.get("campaign_name"),
            codeId: try row.get("code_id"), code: try row.get("code"), customerId: try row.get("customer_id"),
            points: try row.get("points"), state: state, fingerprint: try row.get("fingerprint"), refusal: refusal,
            createdAt: try row.get("created_at"), settledAt: try row.get("settled_at"))
    }
}
