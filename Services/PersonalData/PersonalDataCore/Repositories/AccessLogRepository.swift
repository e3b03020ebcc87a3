import Contract
import FoundationEssentials
import Store

/// Which admin viewed, printed, exported or erased whose data.
enum AccessLogRepository {
    static func append(
        _ action: PersonalDataAccess, by admin: String, customerId: CustomerId?, orderNumber: OrderNumber?,
        at now: Date, in connection: Connection
    ) throws {
        try connection.run(
            "INSERT INTO access_log (at, admin, action, customer_id, order_number) VALUES (?, ?, ?, ?, ?)", now, admin,
            action.rawValue, customerId?.text, orderNumber?.text)
    }

    static func list(
        customerId: CustomerId?, admin: String?, beforeId: Int64?, limit: Int, in connection: Connection
    ) throws -> [AccessLogEntry] {
        var conditions = SQLConditions()
        conditions.add("customer_id = ?", ifPresent: customerId?.text)
        conditions.add("admin = ?", ifPresent: admin)
        conditions.add("id < ?", ifPresent: beforeId)
        return try connection.query(
            """
            SELECT id, at, admin, action, customer_id, order_number FROM access_log \(conditions.whereClause)
            ORDER BY id DESC LIMIT ?
            """, bindings: conditions.bindings + [limit]
        ).map { row in
            let action: String = try row.get("action")
            let customer: String? = try row.get("customer_id")
            let order: String? = try row.get("order_number")
            return AccessLogEntry(
                id: try row.get("id"), at: try row.get("at"), admin: try row.get("admin"),
                action: PersonalDataAccess(rawValue: action) ?? .viewed,
                customerId: try customer.map { try CustomerId(validating: $0) },
                orderNumber: try order.map { try OrderNumber(validating: $0) })
        }
    }
}
