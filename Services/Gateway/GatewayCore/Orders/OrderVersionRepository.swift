import FoundationEssentials
import Glibc
import Store

/// The versions of each order the gateway accepted, and the sequence of each event it queued.
enum OrderVersionRepository {
    /// The last accepted version of an order.
    struct LastVersion {
        var sequence: Int64
        var documentHash: String
        /// '' for a guest's order; nil when accepted before owners were kept.
        var customerId: String?
        var currency: String?
        var updatedAt: Date
    }

    /// The last version of `orderNumber`, or nil for an order never reported.
    static func last(_ orderNumber: String, in connection: Connection) throws -> LastVersion? {
        guard
            let row = try connection.queryOne(
                """
                SELECT sequence, last_document_hash, customer_id, currency, updated_at FROM orders
                WHERE order_number = ?
                """, orderNumber)
        else { return nil }
        return LastVersion(
            sequence: try row.get("sequence"), documentHash: try row.get("last_document_hash"),
            customerId: try row.get("customer_id"), currency: try row.get("currency"),
            updatedAt: Date(timeIntervalSince1970: Double(try row.get("updated_at", as: Int64.self)) / 1000)
        )
    }

    /// Records `sequence` as the order's last version, with its owner and currency.
    static func save(
        _ orderNumber: String, sequence: Int64, documentHash: String, customerId: String, currency: String,
        at millis: Int64, in connection: Connection
    ) throws {
        try connection.run(
            """
            INSERT INTO orders (order_number, sequence, last_document_hash, updated_at, customer_id, currency)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(order_number) DO UPDATE SET
                sequence = excluded.sequence, last_document_hash = excluded.last_document_hash,
                updated_at = excluded.updated_at, customer_id = excluded.customer_id, currency = excluded.currency
            """,
            orderNumber, sequence, documentHash, millis, customerId, currency
        )
    }

    /// Records the version an outbox event carries; like the outbox, a repeated event id is ignored.
    static func recordEvent(_ eventId: String, sequence: Int64, in connection: Connection) throws {
        try connection.run(
            "INSERT INTO order_events (event_id, sequence) VALUES (?, ?) ON CONFLICT DO NOTHING", eventId, sequence
        )
    }

    /// The version each of `eventIds` carries; ids not recorded are left out.
    static func sequences(of eventIds: [String], in connection: Connection) throws -> [String: Int64] {
        guard !eventIds.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: eventIds.count).joined(separator: ", ")
        var sequences: [String: Int64] = [:]
        for row in try connection.query(
            "SELECT event_id, sequence FROM order_events WHERE event_id IN (\(marks))", bindings: eventIds)
        {
            sequences[try row.get("event_id")] = try row.get("sequence")
        }
        return sequences
    }
}
