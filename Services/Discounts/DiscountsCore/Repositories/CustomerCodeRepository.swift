import Contract
import FoundationEssentials
import Store

/// The codes that belong to a customer (assigned or bought), newest first.
enum CustomerCodeRepository {
    /// Where a page of a customer's codes continues: after this assignment time and code id.
    struct Position: Sendable, Equatable {
        let assignedAt: Int64
        let id: Int64

        /// `assignedAt:id`, the text inside a cursor.
        var text: String { "\(assignedAt):\(id)" }

        /// The position written by `text`, or nil.
        init?(_ text: String) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let at = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
            self.init(assignedAt: at, id: id)
        }

        init(assignedAt: Int64, id: Int64) {
            self.assignedAt = assignedAt
            self.id = id
        }
    }

    /// Up to `limit` of the customer's codes after `position`, most recently assigned first. Codes
    /// of archived and deleted campaigns are left out (they no longer work) unless `retired`, and
    /// so are codes a purchase holds while loyalty is asked (the customer's, but not assigned yet).
    static func page(
        _ customerId: String, after position: Position?, limit: Int, retired: Bool = false, in connection: Connection
    ) throws -> [(code: CustomerCode, position: Position)] {
        var sql = """
            SELECT c.id, c.code, c.active, c.use_count, c.assigned_at AS assigned, k.id AS campaign_id,
                k.name, k.discount_type, k.discount_value, k.currency, k.min_order_value, k.valid_from, k.valid_to
            FROM codes c JOIN campaigns k ON k.id = c.campaign_id
            WHERE c.customer_id = ? AND c.assigned_at IS NOT NULL
            """
        if !retired { sql += " AND k.archived_at IS NULL AND k.deleted_at IS NULL" }
        var bindings: [any SQLBindable] = [customerId]
        if let position {
            sql += " AND (c.assigned_at, c.id) < (?, ?)"
            bindings += [position.assignedAt, position.id]
        }
        sql += " ORDER BY assigned DESC, c.id DESC LIMIT ?"
        bindings.append(limit)
        return try connection.query(sql, bindings: bindings).map { row in
            let type: String = try row.get("discount_type")
            let code = CustomerCode(
                code: try DiscountCode(validating: try row.get("code")), campaignId: try row.get("campaign_id"),
                campaignName: try row.get("name"),
                discount: CampaignDiscount(
                    type: CampaignDiscount.Kind(rawValue: type) ?? .freeShipping, value: try row.get("discount_value")),
                currency: try row.get("currency"), minOrderValue: try row.get("min_order_value"),
                validFrom: try row.get("valid_from"), validTo: try row.get("valid_to"),
                active: try row.get("active", as: Int64.self) == 1, used: try row.get("use_count", as: Int64.self) > 0)
            return (code, Position(assignedAt: try row.get("assigned"), id: try row.get("id")))
        }
    }
}
