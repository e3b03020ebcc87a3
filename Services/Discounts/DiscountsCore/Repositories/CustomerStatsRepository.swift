import Contract
import FoundationEssentials
import Store

/// A customer the assignment criteria match, with the address their latest order gave.
struct MatchedCustomer: Sendable, Equatable {
    var customerId: String
    /// The e-mail of the customer's latest order that had one; nil when none did.
    var email: String?
}

/// The per-customer order statistics the assignment criteria read, computed from `orders` (the
/// latest version of every order the gateway reported).
///
/// What counts: orders with `counted = 1` (cancelled and refunded ones do not), of a known
/// customer, in the campaign's currency (the value threshold is in its minor units, and its codes
/// work only on orders in it). When `orderedFrom`/`orderedTo` are given, the value and the count
/// are those of the orders placed within the window, so "at least 2 orders worth 500.00 between
/// March and May" means exactly that, and the window alone matches everyone with at least one
/// order in it (the shop's "placed at least one order between the dates").
enum CustomerStatsRepository {
    /// The matching customers after `afterCustomerId` (byte order), at most `limit` of them.
    static func matching(
        _ criteria: AssignmentCriteria, currency: String, afterCustomerId: String?, limit: Int,
        in connection: Connection
    ) throws -> [MatchedCustomer] {
        var conditions = SQLConditions("o.customer_id IS NOT NULL AND o.counted = 1 AND o.currency = ?", currency)
        conditions.add("o.placed_at >= ?", ifPresent: criteria.orderedFrom)
        conditions.add("o.placed_at <= ?", ifPresent: criteria.orderedTo)
        conditions.add("o.customer_id > ?", ifPresent: afterCustomerId)
        let bindings: [any SQLBindable] =
            conditions.bindings + [criteria.ordersValueFrom ?? 0, criteria.ordersCountFrom ?? 1, Int64(limit)]
        // Grouped along orders_by_customer (customer_id, placed_at; counted orders only), so the
        // customers come out in id order without a sort; the address is one probe of
        // orders_email_by_customer per matching customer. Named, since orders_of_customer (every
        // order of a customer, for the privacy contract) would serve the grouping too but also
        // holds the orders the statistics leave out.
        let sql = """
            SELECT o.customer_id AS customer_id,
                (SELECT e.email FROM orders e
                 WHERE e.customer_id = o.customer_id AND e.email IS NOT NULL
                 ORDER BY e.placed_at DESC LIMIT 1) AS email
            FROM orders o INDEXED BY orders_by_customer
            WHERE \(conditions.joined)
            GROUP BY o.customer_id
            HAVING SUM(o.order_value) >= ? AND COUNT(*) >= ?
            ORDER BY o.customer_id
            LIMIT ?
            """
        return try connection.query(sql, bindings: bindings).map { row in
            MatchedCustomer(customerId: try row.get("customer_id"), email: try row.get("email"))
        }
    }

    /// Every matching customer, in id order, read a page at a time.
    static func forEachMatching(
        _ criteria: AssignmentCriteria, currency: String, pageSize: Int = 1_000, in connection: Connection,
        _ body: (MatchedCustomer) throws -> Void
    ) throws {
        var after: String?
        while true {
            let page = try matching(
                criteria, currency: currency, afterCustomerId: after, limit: pageSize, in: connection)
            for customer in page { try body(customer) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.customerId
        }
    }
}
