import Contract
import FoundationEssentials
import Store

/// Redemptions: which order holds which code, live until released.
enum RedemptionRepository {
    /// The columns `stored(_:)` reads, of `redemptions r JOIN codes c`.
    static let columns = """
        r.id, c.code, r.code_id, r.campaign_id, r.order_number, r.customer_id, r.order_value, r.discount_value,
            r.free_shipping, r.created_at, r.released_at
        """

    /// The redemption `id`, live or released, with the code it holds.
    static func find(_ id: Int64, in connection: Connection) throws -> StoredRedemption? {
        try connection.queryOne(
            "SELECT \(columns) FROM redemptions r JOIN codes c ON c.id = r.code_id WHERE r.id = ?", id
        ).map(stored)
    }

    /// The order's live redemption of the code, if it has one.
    static func live(orderNumber: String, codeId: Int64, in connection: Connection) throws -> StoredRedemption? {
        try connection.queryOne(
            """
            SELECT \(columns) FROM redemptions r JOIN codes c ON c.id = r.code_id
            WHERE r.order_number = ? AND r.code_id = ? AND r.released_at IS NULL
            """, orderNumber, codeId
        ).map(stored)
    }

    /// Every live redemption of the order.
    static func live(orderNumber: String, in connection: Connection) throws -> [StoredRedemption] {
        try connection.query(
            """
            SELECT \(columns) FROM redemptions r JOIN codes c ON c.id = r.code_id
            WHERE r.order_number = ? AND r.released_at IS NULL ORDER BY r.id
            """, orderNumber
        ).map(stored)
    }

    /// Stores a new live redemption and returns its id. Throws the unique violation of
    /// `redemptions_exclusive` when an exclusive code already has a live one.
    static func insert(
        code: CheckoutCode, orderNumber: String, customerId: String?, orderValue: Int64, discount: Int64,
        freeShipping: Bool, at now: Date, in connection: Connection
    ) throws -> Int64 {
        try connection.run(
            """
            INSERT INTO redemptions (code_id, campaign_id, exclusive, order_number, customer_id, order_value,
                discount_value, free_shipping, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, code.id, code.campaignId, code.isExclusive, orderNumber, customerId, orderValue, discount,
            freeShipping, now)
        return connection.lastInsertRowID
    }

    /// Marks a live redemption released; false when it was released already.
    static func release(_ id: Int64, at now: Date, in connection: Connection) throws -> Bool {
        try connection.run("UPDATE redemptions SET released_at = ? WHERE id = ? AND released_at IS NULL", now, id)
        return connection.changes == 1
    }

    /// Records that the order was reported with the code, and the value it was reported with
    /// (statistics count the order as placed, not the cart as validated).
    static func confirm(_ id: Int64, orderValue: Int64, at now: Date, in connection: Connection) throws {
        try connection.run(
            "UPDATE redemptions SET confirmed_at = coalesce(confirmed_at, ?), order_value = ? WHERE id = ?", now,
            orderValue, id)
    }

    /// A redemption from a row of `columns`.
    static func stored(_ row: Row) throws -> StoredRedemption {
        let customer: String? = try row.get("customer_id")
        let redemption = Redemption(
            id: try row.get("id"), code: try DiscountCode(validating: try row.get("code")),
            campaignId: try row.get("campaign_id"),
            orderNumber: try OrderNumber(validating: try row.get("order_number")),
            customerId: try customer.map { try CustomerId(validating: $0) }, orderValue: try row.get("order_value"),
            discountValue: try row.get("discount_value"),
            freeShipping: try row.get("free_shipping", as: Int64.self) == 1,
            createdAt: try row.get("created_at"), releasedAt: try row.get("released_at"))
        return StoredRedemption(redemption: redemption, codeId: try row.get("code_id"))
    }
}

/// A redemption with the id of the code row it holds.
struct StoredRedemption: Sendable, Equatable {
    let redemption: Redemption
    let codeId: Int64
}
