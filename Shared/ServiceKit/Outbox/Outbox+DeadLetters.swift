import Contract
import FoundationEssentials
import Glibc
import Store

/// Events a receiver refused for good (a 4xx answer) stay in the outbox as `failed`: counted in
/// `/metrics` (`zaplecze_outbox_dead_letters`), listed with the receiver's error, and sent
/// again on an operator's request once the cause is fixed.
///
/// A retried event goes back to the ordinary queue: it waits behind any pending event with its
/// ordering key and then is delivered once more. Later events of the same key may have been
/// delivered meanwhile; receivers take events by their id and version, so a late older version
/// changes nothing that a newer one decided.
extension Outbox {
    /// Events refused for good.
    public func deadLetterCount() -> Int {
        (try? database.read { connection in
            try connection.scalar("SELECT count(*) FROM outbox WHERE state = 'failed'", as: Int.self)
        }).flatMap { $0 } ?? 0
    }

    /// Refused events after the outbox row `afterId`, oldest first, with their row ids (the
    /// keyset position of a page).
    public func deadLetters(afterId: Int64?, limit: Int) throws -> [(id: Int64, letter: DeadLetter)] {
        try database.read { connection in
            try connection.query(
                """
                SELECT id, event_id, destination, method, path, state, attempts, created_at, last_error
                FROM outbox WHERE state = 'failed' AND id > ? ORDER BY id LIMIT ?
                """, afterId ?? 0, limit
            ).map { row in (try row.get("id", as: Int64.self), try Self.deadLetter(from: row)) }
        }
    }

    /// Puts a refused event back in the queue, due now; nil when no refused event has that id
    /// (never written, delivered, or already waiting again).
    public func retryDeadLetter(eventId: String) throws -> DeadLetter? {
        let millis = clock.nanosecondsSinceEpoch() / 1_000_000
        let letter = try database.write { connection -> DeadLetter? in
            try connection.run(
                "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE event_id = ? AND state = 'failed'",
                millis, eventId
            )
            guard connection.changes == 1 else { return nil }
            return try connection.queryOne(
                """
                SELECT id, event_id, destination, method, path, state, attempts, created_at, last_error
                FROM outbox WHERE event_id = ?
                """, eventId
            ).map(Self.deadLetter(from:))
        }
        if letter != nil {
            logger.info("outbox event queued again", [("eventId", .string(eventId))])
            wake()
        }
        return letter
    }

    private static func deadLetter(from row: Row) throws -> DeadLetter {
        DeadLetter(
            eventId: try row.get("event_id"), service: try row.get("destination"),
            route: "\(try row.get("method", as: String.self)) \(try row.get("path", as: String.self))",
            state: try row.get("state"), attempts: try row.get("attempts"),
            createdAt: Date(timeIntervalSince1970: Double(try row.get("created_at", as: Int64.self)) / 1000),
            lastError: try row.get("last_error")
        )
    }
}
