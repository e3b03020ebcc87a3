import Contract
import FoundationEssentials
import Glibc
import Store

/// Orders as loyalty knows them and the awards fixed for them.
enum OrderRepository {
    /// The order with `orderNumber`, or nil.
    static func find(_ orderNumber: String, in connection: Connection) throws -> OrderRecord? {
        guard let row = try connection.queryOne("SELECT * FROM orders WHERE order_number = ?", orderNumber) else {
            return nil
        }
        let closed: String? = try row.get("closed")
        return OrderRecord(
            orderNumber: try row.get("order_number"), customerId: try row.get("customer_id"),
            currency: try row.get("currency"), totalNet: try row.get("total_net"),
            totalGross: try row.get("total_gross"),
            refundedNet: try row.get("refunded_net"), refundedGross: try row.get("refunded_gross"),
            status: OrderStatus(rawValue: try row.get("status")) ?? .created, reachedRank: try row.get("reached_rank"),
            closed: closed.flatMap(OrderStatus.init(rawValue:)), lastSequence: try row.get("last_sequence"),
            placedAt: try row.get("placed_at")
        )
    }

    /// Stores a new order.
    static func insert(_ order: OrderRecord, at now: Date, in connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO orders (order_number, customer_id, currency, total_net, total_gross, refunded_net, refunded_gross,
                status, reached_rank, closed, last_sequence, placed_at, first_seen_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            order.orderNumber, order.customerId, order.currency, order.totalNet, order.totalGross, order.refundedNet,
            order.refundedGross, order.status.rawValue, order.reachedRank, order.closed?.rawValue, order.lastSequence,
            order.placedAt, now, now
        )
    }

    /// Saves an order's figures and progress.
    static func update(_ order: OrderRecord, at now: Date, in connection: Connection) throws {
        try connection.run(
            """
            UPDATE orders SET currency = ?, total_net = ?, total_gross = ?, refunded_net = ?, refunded_gross = ?,
                status = ?, reached_rank = ?, closed = ?, last_sequence = ?, updated_at = ?
            WHERE order_number = ?
            """,
            order.currency, order.totalNet, order.totalGross, order.refundedNet, order.refundedGross,
            order.status.rawValue, order.reachedRank, order.closed?.rawValue, order.lastSequence, now, order.orderNumber
        )
    }

    /// The order's awards by rule id.
    static func awards(_ orderNumber: String, in connection: Connection) throws -> [OrderAwardRecord] {
        try connection.query("SELECT * FROM order_awards WHERE order_number = ? ORDER BY rule_id", orderNumber).map {
            row in
            OrderAwardRecord(
                orderNumber: try row.get("order_number"),
                rule: RuleReference(id: try row.get("rule_id"), name: try row.get("rule_name")),
                customerId: try row.get("customer_id"), points: try row.get("points"),
                trigger: OrderStatus(rawValue: try row.get("trigger_status")) ?? .created,
                refundBasis: ValueBasis(rawValue: try row.get("refund_basis")) ?? .gross,
                state: OrderAwardState(rawValue: try row.get("state")) ?? .cancelled, reversed: try row.get("reversed")
            )
        }
    }

    /// Stores a new award.
    static func insert(_ award: OrderAwardRecord, at now: Date, in connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO order_awards (order_number, rule_id, rule_name, customer_id, points, trigger_status, refund_basis,
                state, reversed, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            award.orderNumber, award.rule.id, award.rule.name, award.customerId, award.points, award.trigger.rawValue,
            award.refundBasis.rawValue, award.state.rawValue, award.reversed, now
        )
    }

    /// Saves an award's state and reversed points.
    static func update(_ award: OrderAwardRecord, at now: Date, in connection: Connection) throws {
        try connection.run(
            """
            UPDATE order_awards SET state = ?, reversed = ?,
                credited_at = CASE WHEN ? = 'credited' AND credited_at IS NULL THEN ? ELSE credited_at END
            WHERE order_number = ? AND rule_id = ?
            """,
            award.state.rawValue, award.reversed, award.state.rawValue, now, award.orderNumber, award.rule.id
        )
    }
}
