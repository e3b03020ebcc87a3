import Contract
import FoundationEssentials
import Store

/// Consents given and withdrawn, kept as a history.
enum ConsentRepository {
    static let columns = "id, customer_id, purpose, given, at, source, recorded_by"

    static func insert(
        _ input: ConsentInput, for customerId: CustomerId, by actor: String, at now: Date, in connection: Connection
    ) throws -> Consent {
        try connection.run(
            "INSERT INTO consents (customer_id, purpose, given, at, source, recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
            customerId.text, input.purpose, input.given, input.at ?? now, input.source, actor)
        let id = connection.lastInsertRowID
        guard let row = try connection.queryOne("SELECT \(columns) FROM consents WHERE id = ?", id) else {
            throw RowVanished(table: "consents", id: id)
        }
        return try consent(row)
    }

    /// Up to `limit` of the customer's consents older than `beforeId`, newest first.
    static func list(of customerId: CustomerId, beforeId: Int64?, limit: Int, in connection: Connection) throws
        -> [Consent]
    {
        var conditions = SQLConditions("customer_id = ?", customerId.text)
        conditions.add("id < ?", ifPresent: beforeId)
        return try connection.query(
            "SELECT \(columns) FROM consents \(conditions.whereClause) ORDER BY id DESC LIMIT ?",
            bindings: conditions.bindings + [limit]
        ).map(consent)
    }

    /// Every consent record of the customer, newest first (for their export and report).
    static func all(of customerId: CustomerId, in connection: Connection) throws -> [Consent] {
        try list(of: customerId, beforeId: nil, limit: Int.max, in: connection)
    }

    private static func consent(_ row: Row) throws -> Consent {
        Consent(
            id: try row.get("id"), customerId: try CustomerId(validating: try row.get("customer_id")),
            purpose: try row.get("purpose"), given: try row.get("given", as: Int64.self) == 1, at: try row.get("at"),
            source: try row.get("source"), recordedBy: try row.get("recorded_by"))
    }
}
