import Contract
import FoundationEssentials
import Store

/// The figures of a campaign's live redemptions (released ones, of cancelled orders, do not
/// count), read through `redemptions_by_campaign`, which holds only live ones.
enum CampaignStatsRepository {
    /// The campaign's summary. An order that used two of the campaign's codes counts once, with
    /// its value once and both discounts.
    static func summary(campaignId: Int64, in connection: Connection) throws -> CodeUsage {
        let row = try connection.queryOne(
            """
            SELECT count(*) AS orders, coalesce(sum(value), 0) AS order_value,
                coalesce(sum(discount), 0) AS discount,
                (SELECT count(DISTINCT code_id) FROM redemptions
                    WHERE campaign_id = ?1 AND released_at IS NULL) AS codes_used
            FROM (SELECT max(order_value) AS value, sum(discount_value) AS discount FROM redemptions
                WHERE campaign_id = ?1 AND released_at IS NULL GROUP BY order_number)
            """, campaignId)
        guard let row else { return CodeUsage(orders: 0, orderValue: 0, discountGranted: 0, codesUsed: 0) }
        return CodeUsage(
            orders: try row.get("orders"), orderValue: try row.get("order_value"),
            discountGranted: try row.get("discount"), codesUsed: try row.get("codes_used"))
    }

    /// Where a page of the per-code figures starts: after this code with this many orders.
    struct Position: Equatable {
        var orders: Int64
        var code: String

        /// `orders:code`, the text of a cursor.
        var key: String { "\(orders):\(code)" }

        init(orders: Int64, code: String) {
            self.orders = orders
            self.code = code
        }

        /// The position of a cursor's text, nil when it is not one.
        init?(key: String) {
            guard let colon = key.firstIndex(of: ":"), let orders = Int64(key[..<colon]), orders >= 0 else {
                return nil
            }
            self.init(orders: orders, code: String(key[key.index(after: colon)...]))
        }
    }

    /// Up to `limit` codes with live redemptions after `position`, most orders first, then in
    /// code order.
    static func perCode(campaignId: Int64, after position: Position?, limit: Int, in connection: Connection) throws
        -> [CodeUsage]
    {
        var bindings: [any SQLBindable] = [campaignId]
        var having = ""
        if let position {
            having = "HAVING orders < ? OR (orders = ? AND code > ?)"
            bindings += [position.orders, position.orders, position.code]
        }
        bindings.append(limit)
        return try connection.query(
            """
            SELECT c.code AS code, count(*) AS orders, sum(r.order_value) AS order_value,
                sum(r.discount_value) AS discount
            FROM redemptions r JOIN codes c ON c.id = r.code_id
            WHERE r.campaign_id = ? AND r.released_at IS NULL
            GROUP BY r.code_id \(having) ORDER BY orders DESC, code LIMIT ?
            """, bindings: bindings
        ).map { row in
            CodeUsage(
                code: try DiscountCode(validating: try row.get("code")), orders: try row.get("orders"),
                orderValue: try row.get("order_value"), discountGranted: try row.get("discount"), codesUsed: 1)
        }
    }
}
