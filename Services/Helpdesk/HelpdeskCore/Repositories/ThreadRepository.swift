import Contract
import FoundationEssentials
import Store

/// Threads: insert, read, update one; the lists.
enum ThreadRepository {
    static let columns = """
        t.id, t.order_number, t.customer_id, t.email, t.subject, t.status, t.created_at, t.updated_at,
            t.first_response_at, t.closed_at
        """

    /// Stores a new thread and returns it as stored.
    static func insert(_ opening: ThreadOpening, at now: Date, in connection: Connection) throws -> ThreadRecord {
        try connection.run(
            """
            INSERT INTO threads (order_number, customer_id, email, email_key, subject, subject_key, status,
                created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, 'reported', ?, ?)
            """, opening.orderNumber.text, opening.customerId?.text, opening.email, ThreadRecord.key(opening.email),
            opening.subject, ThreadRecord.key(opening.subject), now, now)
        let id = connection.lastInsertRowID
        guard let thread = try find(id, in: connection) else { throw RowVanished(table: "threads", id: id) }
        return thread
    }

    static func find(_ id: Int64, in connection: Connection) throws -> ThreadRecord? {
        try connection.queryOne("SELECT \(columns) FROM threads t WHERE t.id = ?", id).map(record)
    }

    /// Writes what the workflow changes.
    static func update(_ thread: ThreadRecord, in connection: Connection) throws {
        try connection.run(
            "UPDATE threads SET status = ?, updated_at = ?, first_response_at = ?, closed_at = ? WHERE id = ?",
            thread.status.rawValue, thread.updatedAt, thread.firstResponseAt, thread.closedAt, thread.id)
    }

    /// The search of the source: every criterion optional, newest first.
    struct Search: Sendable {
        var subject: String?
        var email: String?
        var orderNumber: OrderNumber?
        var customerId: CustomerId?
        var status: ThreadStatus?
        var from: Date?
        var to: Date?
        var beforeId: Int64?
        var limit: Int
    }

    static func search(_ search: Search, in connection: Connection) throws -> [ThreadRecord] {
        var conditions = SQLConditions()
        if let subject = search.subject, !subject.isEmpty {
            conditions.add("instr(t.subject_key, ?) > 0", ThreadRecord.key(subject))
        }
        conditions.add("t.email_key = ?", ifPresent: search.email.map(ThreadRecord.key))
        conditions.add("t.order_number = ?", ifPresent: search.orderNumber?.text)
        conditions.add("t.customer_id = ?", ifPresent: search.customerId?.text)
        conditions.add("t.status = ?", ifPresent: search.status?.rawValue)
        conditions.add("t.created_at >= ?", ifPresent: search.from)
        conditions.add("t.created_at <= ?", ifPresent: search.to)
        conditions.add("t.id < ?", ifPresent: search.beforeId)
        return try connection.query(
            "SELECT \(columns) FROM threads t \(conditions.whereClause) ORDER BY t.id DESC LIMIT ?",
            bindings: conditions.bindings + [search.limit]
        ).map(record)
    }

    static func record(_ row: Row) throws -> ThreadRecord {
        let customer: String? = try row.get("customer_id")
        let status: String = try row.get("status")
        return ThreadRecord(
            id: try row.get("id"), orderNumber: try OrderNumber(validating: try row.get("order_number")),
            customerId: try customer.map { try CustomerId(validating: $0) }, email: try row.get("email"),
            subject: try row.get("subject"), status: ThreadStatus(rawValue: status) ?? .reported,
            createdAt: try row.get("created_at"), updatedAt: try row.get("updated_at"),
            firstResponseAt: try row.get("first_response_at"), closedAt: try row.get("closed_at"))
    }
}
