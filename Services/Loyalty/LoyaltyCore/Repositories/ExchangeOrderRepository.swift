import Contract
import FoundationEssentials
import Glibc
import Store

/// Exchange orders and their items.
enum ExchangeOrderRepository {
    /// Filters of the admin's list.
    struct Filter {
        var customerId: String?
        var exchanged: Bool?
        var status: ExchangeOrderStatus?
        var from: Date?
        var to: Date?
    }

    /// Stores a placed order with its items; returns its id. The deducting entry is linked with
    /// `setHistory` once written (it names the order, so it comes second).
    static func insert(
        customerId: String, items: [ExchangeOrderItem], points: Int64, placedBy: String?,
        at now: Date, in connection: Connection
    ) throws -> Int64 {
        try connection.run(
            "INSERT INTO exchange_orders (customer_id, points, placed_by, created_at) VALUES (?, ?, ?, ?)",
            customerId, points, placedBy, now
        )
        let id = connection.lastInsertRowID
        for (position, item) in items.enumerated() {
            try connection.run(
                """
                INSERT INTO exchange_order_items (exchange_order_id, position, product_id, name, category, quantity, unit_points, points)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id, position, item.productId, item.name, item.category, item.quantity, item.unitPoints, item.points
            )
        }
        return id
    }

    /// Links the deducting history entry to its order.
    static func setHistory(_ id: Int64, historyId: Int64, in connection: Connection) throws {
        try connection.run("UPDATE exchange_orders SET history_id = ? WHERE id = ?", historyId, id)
    }

    /// The order with `id`, or nil.
    static func find(_ id: Int64, in connection: Connection) throws -> ExchangeOrderRecord? {
        guard let row = try connection.queryOne("SELECT * FROM exchange_orders WHERE id = ?", id) else { return nil }
        return try withItems([row], in: connection).first
    }

    /// Orders newest first with id below `beforeId`, at most `limit`.
    static func list(_ filter: Filter, beforeId: Int64?, limit: Int, in connection: Connection) throws
        -> [ExchangeOrderRecord]
    {
        var sql = "SELECT * FROM exchange_orders WHERE id < ?"
        var bindings: [any SQLBindable] = [beforeId ?? Int64.max]
        if let customerId = filter.customerId {
            sql += " AND customer_id = ?"
            bindings.append(customerId)
        }
        if let exchanged = filter.exchanged {
            sql += " AND exchanged = ? AND rejected_at IS NULL"
            bindings.append(exchanged)
        }
        switch filter.status {
        case .placed?: sql += " AND exchanged = 0 AND rejected_at IS NULL"
        case .exchanged?: sql += " AND exchanged = 1"
        case .rejected?: sql += " AND rejected_at IS NOT NULL"
        case nil: break
        }
        if let from = filter.from {
            sql += " AND created_at >= ?"
            bindings.append(from)
        }
        if let to = filter.to {
            sql += " AND created_at <= ?"
            bindings.append(to)
        }
        sql += " ORDER BY id DESC LIMIT ?"
        bindings.append(limit)
        return try withItems(try connection.query(sql, bindings: bindings), in: connection)
    }

    /// Sets the admin's "Exchanged" flag.
    static func setExchanged(_ id: Int64, _ exchanged: Bool, by actor: String?, at now: Date, in connection: Connection)
        throws
    {
        try connection.run(
            "UPDATE exchange_orders SET exchanged = ?, exchanged_at = ?, exchanged_by = ? WHERE id = ?",
            exchanged, exchanged ? now : nil, exchanged ? actor : nil, id
        )
    }

    /// Marks the order rejected.
    static func reject(_ id: Int64, reason: String?, by actor: String?, at now: Date, in connection: Connection) throws
    {
        try connection.run(
            "UPDATE exchange_orders SET rejected_at = ?, rejected_by = ?, rejection_reason = ? WHERE id = ?",
            now, actor, reason, id
        )
    }

    private static func withItems(_ rows: [Row], in connection: Connection) throws -> [ExchangeOrderRecord] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = try rows.map { try $0.get("id") }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var items: [Int64: [ExchangeOrderItem]] = [:]
        for row in try connection.query(
            "SELECT * FROM exchange_order_items WHERE exchange_order_id IN (\(marks)) ORDER BY exchange_order_id, position",
            bindings: ids
        ) {
            let item = ExchangeOrderItem(
                productId: try row.get("product_id"), name: try row.get("name"), category: try row.get("category"),
                quantity: try row.get("quantity"), unitPoints: try row.get("unit_points"), points: try row.get("points")
            )
            items[try row.get("exchange_order_id"), default: []].append(item)
        }
        return try rows.map { row in
            let id: Int64 = try row.get("id")
            return ExchangeOrderRecord(
                id: id, customerId: try row.get("customer_id"), items: items[id] ?? [], points: try row.get("points"),
                historyId: try row.get("history_id"), exchanged: try row.get("exchanged"),
                exchangedAt: try row.get("exchanged_at"), rejectedAt: try row.get("rejected_at"),
                rejectionReason: try row.get("rejection_reason"), placedBy: try row.get("placed_by"),
                createdAt: try row.get("created_at")
            )
        }
    }
}
