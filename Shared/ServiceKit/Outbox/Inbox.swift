import FoundationEssentials
import Glibc
import Store

/// The receiving side of the outbox: remembers event ids so that a repeated delivery changes
/// nothing. Call it inside the same write transaction as the event's effect.
public enum Inbox {
    /// True the first time `eventId` is seen (and records it, received at `now`, the service's
    /// clock's time); false for a repeat.
    public static func firstDelivery(of eventId: String, in connection: Connection, now: Date) throws -> Bool {
        try connection.run(
            "INSERT INTO inbox (event_id, received_at) VALUES (?, ?) ON CONFLICT(event_id) DO NOTHING",
            eventId, Int64(now.timeIntervalSince1970 * 1000)
        )
        return connection.changes == 1
    }
}
