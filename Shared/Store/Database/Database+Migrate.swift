import FoundationEssentials
import Glibc
import Primitives

extension Database {
    /// Applies, in order, every migration whose id is not yet in `schema_migrations`.
    ///
    /// Each runs in its own BEGIN IMMEDIATE transaction together with the INSERT recording it,
    /// so a migration is either applied and recorded or, if it throws, leaves nothing behind —
    /// SQLite's DDL is transactional (https://www.sqlite.org/lang_transaction.html). Migrations
    /// applied before a failing one stay applied. Running the same list again is a no-op. Each is
    /// recorded as applied at `clock`'s time (Unix milliseconds, as the store writes a `Date`).
    public func migrate(_ migrations: [Migration], clock: WallClock = .system) throws {
        var seen = Set<String>()
        for migration in migrations where !seen.insert(migration.id).inserted {
            throw SQLiteError.misuse("duplicate migration id \"\(migration.id)\"")
        }
        let started = try enter(.migrate)
        var failed = true
        defer { leave(.migrate, started: started, failed: failed) }
        try writer.exclusive { connection in
            try connection.executeScript(
                "CREATE TABLE IF NOT EXISTS schema_migrations(id TEXT PRIMARY KEY NOT NULL, applied_at INTEGER NOT NULL)"
            )
            var applied = Set<String>()
            try connection.forEachRow("SELECT id FROM schema_migrations", bindings: []) { row in
                applied.insert(try row.get("id", as: String.self))
            }
            for migration in migrations where !applied.contains(migration.id) {
                try apply(migration, on: connection, at: clock.nanosecondsSinceEpoch() / 1_000_000)
            }
        }
        writer.isMigrated = true
        failed = false
    }

    private func apply(_ migration: Migration, on connection: Connection, at milliseconds: Int64) throws {
        try connection.control("BEGIN IMMEDIATE")
        do {
            try migration.apply(connection)
            guard !connection.isAutocommit else {
                throw SQLiteError.misuse("the migration ended its transaction itself (COMMIT/ROLLBACK in the script)")
            }
            try connection.run(
                "INSERT INTO schema_migrations(id, applied_at) VALUES (?, ?)", migration.id, milliseconds)
            try connection.control("COMMIT")
        } catch let error as SQLiteError {
            connection.rollbackIfActive()
            throw error.prefixed("migration \"\(migration.id)\"")
        } catch {
            connection.rollbackIfActive()
            throw error
        }
    }
}
