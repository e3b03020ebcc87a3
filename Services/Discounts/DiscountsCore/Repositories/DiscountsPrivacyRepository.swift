import Contract
import FoundationEssentials
import ServiceKit
import Store

/// An order the gateway reported, as discounts keeps it for statistics and assignment mail.
struct ReportedOrder: Encodable, Sendable, Equatable {
    var orderNumber: String
    var sequence: Int64
    var email: String?
    var currency: String
    var orderValue: Int64
    var discountCode: String?
    var status: String
    /// Whether statistics count it (cancelled and refunded orders do not).
    var counted: Bool
    var placedAt: Date
}

/// A code bought for points, in whatever state the purchase is.
struct HeldPurchase: Encodable, Sendable, Equatable {
    var id: Int64
    var campaignId: Int64
    var campaignName: String
    var code: String
    var points: Int64
    var state: String
    var refusal: String?
    var createdAt: Date
    var settledAt: Date?

    init(_ record: PurchaseRecord) {
        id = record.id
        campaignId = record.campaignId
        campaignName = record.campaignName
        code = record.code
        points = record.points
        state = record.state.rawValue
        refusal = record.refusal?.code
        createdAt = record.createdAt
        settledAt = record.settledAt
    }
}

/// The SQL of the privacy contract (`DiscountsPrivacy`): the person's redemptions, purchases and
/// reported orders a page at a time (through the `discounts-007` indexes), and their erasure.
enum DiscountsPrivacyRepository {
    /// Up to `limit` of the redemptions made for the customer after `afterId`, live or released.
    static func redemptions(_ customerId: String, afterId: Int64?, limit: Int, in connection: Connection) throws
        -> [Redemption]
    {
        try connection.query(
            """
            SELECT \(RedemptionRepository.columns) FROM redemptions r JOIN codes c ON c.id = r.code_id
            WHERE r.customer_id = ? AND r.id > ? ORDER BY r.id LIMIT ?
            """, customerId, afterId ?? 0, limit
        ).map { try RedemptionRepository.stored($0).redemption }
    }

    /// Up to `limit` of the customer's purchases after `afterId`, in any state.
    static func purchases(_ customerId: String, afterId: Int64?, limit: Int, in connection: Connection) throws
        -> [PurchaseRecord]
    {
        try connection.query(
            PurchaseRepository.select + " WHERE p.customer_id = ? AND p.id > ? ORDER BY p.id LIMIT ?", customerId,
            afterId ?? 0, limit
        ).map(PurchaseRepository.record)
    }

    /// Up to `limit` of the customer's reported orders after `afterNumber`, in order.
    static func orders(_ customerId: String, after afterNumber: String?, limit: Int, in connection: Connection) throws
        -> [ReportedOrder]
    {
        try connection.query(
            """
            SELECT order_number, sequence, email, currency, order_value, discount_code, status, counted, placed_at
            FROM orders WHERE customer_id = ? AND order_number > ? ORDER BY order_number LIMIT ?
            """, customerId, afterNumber ?? "", limit
        ).map { row in
            ReportedOrder(
                orderNumber: try row.get("order_number"), sequence: try row.get("sequence"),
                email: try row.get("email"), currency: try row.get("currency"), orderValue: try row.get("order_value"),
                discountCode: try row.get("discount_code"), status: try row.get("status"),
                counted: try row.get("counted"), placedAt: try row.get("placed_at"))
        }
    }

    /// Renames the person to the pseudonym on their codes, redemptions, purchases and reported
    /// orders, and forgets the e-mail their orders gave (NULL: assignment mail then has no
    /// address for the pseudonym, as for an order without one); no value, count or link changes.
    /// Returns the rows changed.
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        let renamed: [any SQLBindable] = [erasure.pseudonym, erasure.customerId.text]
        return try PrivacyEndpoints.changes(
            [
                ("UPDATE codes SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE redemptions SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE purchases SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE orders SET customer_id = ?1, email = NULL WHERE customer_id = ?2", renamed),
            ], in: connection)
    }
}
