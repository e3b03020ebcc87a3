import Contract
import FoundationEssentials
import Store

/// Where a page of a customer's codes ends: the last code's assignment time and id.
struct CustomerCodesPosition: Sendable, Equatable {
    var assignedAt: Int64
    var codeId: Int64

    /// `"<assignedAt ms>:<id>"`, the cursor's key.
    var key: String { "\(assignedAt):\(codeId)" }

    /// The position a cursor's key names, or nil.
    init?(key: String) {
        let parts = key.split(separator: ":")
        guard parts.count == 2, let assignedAt = Int64(parts[0]), let codeId = Int64(parts[1]) else { return nil }
        self.assignedAt = assignedAt
        self.codeId = codeId
    }

    init(assignedAt: Int64, codeId: Int64) {
        self.assignedAt = assignedAt
        self.codeId = codeId
    }
}

/// The codes that belong to a customer (assigned or bought; a reservation still being paid for
/// has no `assigned_at` and is not theirs yet), newest first, without archived campaigns' codes,
/// which no longer work.
enum CustomerCodesRepository {
    static func page(
        _ customerId: String, after position: CustomerCodesPosition?, limit: Int, in connection: Connection
    ) throws -> [(CustomerCode, CustomerCodesPosition)] {
        var sql = """
            SELECT c.id, c.code, c.campaign_id, c.active, c.use_count, c.assigned_at, k.name, k.discount_type,
                k.discount_value, k.currency, k.min_order_value, k.valid_from, k.valid_to
            FROM codes c JOIN campaigns k ON k.id = c.campaign_id
            WHERE c.customer_id = ? AND c.assigned_at IS NOT NULL AND k.archived_at IS NULL
            """
        var bindings: [any SQLBindable] = [customerId]
        if let position {
            sql += " AND (c.assigned_at < ? OR (c.assigned_at = ? AND c.id < ?))"
            bindings += [position.assignedAt, position.assignedAt, position.codeId]
        }
        sql += " ORDER BY c.assigned_at DESC, c.id DESC LIMIT ?"
        bindings.append(Int64(limit))
        return try connection.query(sql, bindings: bindings).map { row in
            let codeText: String = try row.get("code")
            let typeText: String = try row.get("discount_type")
            guard let code = DiscountCode(codeText) else { throw UnknownStoredValue(column: "code", text: codeText) }
            guard let type = CampaignDiscount.Kind(rawValue: typeText) else {
                throw UnknownStoredValue(column: "discount_type", text: typeText)
            }
            let entry = CustomerCode(
                code: code, campaignId: try row.get("campaign_id"), campaignName: try row.get("name"),
                discount: CampaignDiscount(type: type, value: try row.get("discount_value")),
                currency: try row.get("currency"), minOrderValue: try row.get("min_order_value"),
                validFrom: try row.get("valid_from"), validTo: try row.get("valid_to"),
                active: try row.get("active", as: Int64.self) == 1, used: try row.get("use_count", as: Int64.self) > 0)
            return (entry, CustomerCodesPosition(assignedAt: try row.get("assigned_at"), codeId: try row.get("id")))
        }
    }
}
