import Contract
import FoundationEssentials
import Store

/// The disclosure log.
enum DisclosureRepository {
    static let columns = "id, customer_id, order_number, disclosed_at, recipient, scope, recorded_by, updated_at"

    /// Whose data a disclosure was: a customer's, or an order buyer's.
    enum Subject: Sendable {
        case customer(CustomerId)
        case order(OrderNumber)
    }

    static func insert(
        _ input: DisclosureInput, of subject: Subject, by actor: String, at now: Date, in connection: Connection
    ) throws -> Disclosure {
        let (customerId, orderNumber) = columns(of: subject)
        try connection.run(
            """
            INSERT INTO disclosures (customer_id, order_number, disclosed_at, recipient, scope, recorded_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, customerId, orderNumber, input.disclosedAt, input.recipient, input.scope, actor, now)
        let id = connection.lastInsertRowID
        guard let disclosure = try find(id, in: connection) else { throw RowVanished(table: "disclosures", id: id) }
        return disclosure
    }

    /// Replaces disclosure `id`'s date, recipient and scope; nil when there is none.
    static func replace(_ id: Int64, with input: DisclosureInput, at now: Date, in connection: Connection) throws
        -> Disclosure?
    {
        try connection.run(
            "UPDATE disclosures SET disclosed_at = ?, recipient = ?, scope = ?, updated_at = ? WHERE id = ?",
            input.disclosedAt, input.recipient, input.scope, now, id)
        return connection.changes == 1 ? try find(id, in: connection) : nil
    }

    static func delete(_ id: Int64, in connection: Connection) throws -> Bool {
        try connection.run("DELETE FROM disclosures WHERE id = ?", id)
        return connection.changes == 1
    }

    static func find(_ id: Int64, in connection: Connection) throws -> Disclosure? {
        try connection.queryOne("SELECT \(columns) FROM disclosures WHERE id = ?", id).map(disclosure)
    }

    /// Up to `limit` disclosures of `subject` older than `beforeId`, newest first.
    static func list(of subject: Subject, beforeId: Int64?, limit: Int, in connection: Connection) throws
        -> [Disclosure]
    {
        var conditions: SQLConditions
        switch subject {
        case .customer(let id): conditions = SQLConditions("customer_id = ?", id.text)
        case .order(let number): conditions = SQLConditions("order_number = ?", number.text)
        }
        conditions.add("id < ?", ifPresent: beforeId)
        return try connection.query(
            "SELECT \(columns) FROM disclosures \(conditions.whereClause) ORDER BY id DESC LIMIT ?",
            bindings: conditions.bindings + [limit]
        ).map(disclosure)
    }

    /// Every disclosure of `subject`, newest first (for the person's export and report).
    static func all(of subject: Subject, in connection: Connection) throws -> [Disclosure] {
        try list(of: subject, beforeId: nil, limit: Int.max, in: connection)
    }

    private static func columns(of subject: Subject) -> (String?, String?) {
        switch subject {
        case .customer(let id): return (id.text, nil)
        case .order(let number): return (nil, number.text)
        }
    }

    private static func disclosure(_ row: Row) throws -> Disclosure {
        let customer: String? = try row.get("customer_id")
        let order: String? = try row.get("order_number")
        return Disclosure(
            id: try row.get("id"), customerId: try customer.map { try CustomerId(validating: $0) },
            orderNumber: try order.map { try OrderNumber(validating: $0) }, disclosedAt: try row.get("disclosed_at"),
            recipient: try row.get("recipient"), scope: try row.get("scope"), recordedBy: try row.get("recorded_by"),
            updatedAt: try row.get("updated_at"))
    }
}
