import Foundation
import Store
import TestSupport
import Testing

@testable import GatewayCore
@testable import ServiceKit

/// The order tables' migrations, run over a database that already holds queued order events.
struct OrderMigrationsTests {
    @Test func theSequenceMigration_FillsTheSequenceOfEveryOrderEventQueuedBefore_AndLeavesOtherEventsOut() throws {
        let directory = try TemporaryDirectory(prefix: "gateway-migrations")
        defer { directory.remove() }
        let database = try Database(path: directory.file("gateway.sqlite"))
        defer { database.close() }
        try database.migrate(ServiceKitMigrations.all + OrderMigrations.all.prefix(2))
        try database.write { connection in
            for (eventId, orderingKey) in [
                ("loyalty:ZM-1:1", "order:ZM-1:loyalty"), ("loyalty:ZM-1:12", "order:ZM-1:loyalty"),
                ("mail:list:A:B:7", "order:A:B:mail:list"), ("other-event", "something:else"),
            ] {
                try connection.run(
                    """
                    INSERT INTO outbox (event_id, destination, method, path, payload, ordering_key, next_attempt_at, created_at)
                    VALUES (?, 'loyalty', 'POST', '/x', X'', ?, 0, 0)
                    """, eventId, orderingKey)
            }
        }
        try database.migrate(ServiceKitMigrations.all + OrderMigrations.all)
        let sequences = try database.read { connection in
            try OrderVersionRepository.sequences(
                of: ["loyalty:ZM-1:1", "loyalty:ZM-1:12", "mail:list:A:B:7", "other-event"], in: connection)
        }
        #expect(sequences == ["loyalty:ZM-1:1": 1, "loyalty:ZM-1:12": 12, "mail:list:A:B:7": 7])
    }
}
