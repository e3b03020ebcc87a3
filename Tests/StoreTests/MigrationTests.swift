import Foundation
import Store
import Testing

@Suite struct MigrationTests {
    private let migrations = [
        Migration("001_customers", "CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)"),
        Migration("002_seed") { connection in
            try connection.run("INSERT INTO customers(email) VALUES (?)", "seed@example.com")
        },
    ]

    private func recordedIDs(_ database: Database) throws -> [String] {
        try database.read { connection in
            try connection.query("SELECT id FROM schema_migrations ORDER BY id").map {
                try $0.get("id", as: String.self)
            }
        }
    }

    private func tableExists(_ name: String, in database: Database) throws -> Bool {
        try database.read { try $0.scalar("SELECT count(*) FROM sqlite_schema WHERE name = ?", name, as: Int.self) }
            == 1
    }

    @Test func migrate_AppliesAndRecordsEachMigration() throws {
        try withTemporaryDatabase { database in
            #expect(!database.isMigrated)
            let before = Date()
            try database.migrate(migrations)
            #expect(database.isMigrated)
            #expect(try recordedIDs(database) == ["001_customers", "002_seed"])
            let appliedAt = try database.read {
                try $0.scalar("SELECT min(applied_at) FROM schema_migrations", as: Date.self)
            }
            #expect(try #require(appliedAt).timeIntervalSince1970 >= before.timeIntervalSince1970.rounded(.down))
        }
    }

    @Test func migrateTwice_IsANoOp() throws {
        try withTemporaryDatabase { database in
            try database.migrate(migrations)
            try database.migrate(migrations)
            #expect(try recordedIDs(database) == ["001_customers", "002_seed"])
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM customers", as: Int.self) } == 1)
        }
    }

    @Test func migrate_SkipsAppliedIDs_AcrossReopening() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("reopen.sqlite").path
            let first = try Database(path: path)
            try first.migrate(migrations)
            first.close()
            let second = try Database(path: path)
            defer { second.close() }
            try second.migrate(migrations + [Migration("003_notes", "CREATE TABLE notes(body TEXT)")])
            #expect(try recordedIDs(second) == ["001_customers", "002_seed", "003_notes"])
            #expect(try second.read { try $0.scalar("SELECT count(*) FROM customers", as: Int.self) } == 1)
        }
    }

    @Test func failingMigration_LeavesNothingBehind_AndKeepsEarlierOnes() throws {
        try withTemporaryDatabase { database in
            let broken = Migration(
                "003_broken",
                """
                CREATE TABLE half_done(x INTEGER);
                INSERT INTO customers(email) VALUES ('second@example.com');
                INSERT INTO no_such_table VALUES (1);
                """)
            let error = try #require(throws: SQLiteError.self) { try database.migrate(migrations + [broken]) }
            #expect(error.description.contains("003_broken"))
            #expect(!database.isMigrated)
            #expect(try recordedIDs(database) == ["001_customers", "002_seed"])
            #expect(try !tableExists("half_done", in: database))
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM customers", as: Int.self) } == 1)
        }
    }

    @Test func failingClosureMigration_RethrowsItsOwnError_AndIsNotRecorded() throws {
        try withTemporaryDatabase { database throws in
            let failing = Migration("003_closure") { connection in
                try connection.run("CREATE TABLE temporary_work(x)")
                throw PlannedFailure(tag: 7)
            }
            #expect(throws: PlannedFailure(tag: 7)) { try database.migrate(migrations + [failing]) }
            #expect(try !tableExists("temporary_work", in: database))
            #expect(try recordedIDs(database) == ["001_customers", "002_seed"])
        }
    }

    @Test func duplicateMigrationIDs_AreRefused_BeforeAnythingRuns() throws {
        try withTemporaryDatabase { database in
            let error = try #require(throws: SQLiteError.self) {
                try database.migrate(migrations + [Migration("001_customers", "CREATE TABLE other(x)")])
            }
            #expect(SQLiteError.misuse ~= error)
            #expect(try !tableExists("customers", in: database))
        }
    }

    @Test func migrationEndingItsOwnTransaction_IsRefused() throws {
        try withTemporaryDatabase { database throws in
            #expect(throws: SQLiteError.self) {
                try database.migrate([Migration("001_commit", "CREATE TABLE x(a); COMMIT;")])
            }
            #expect(try !tableExists("x", in: database))
        }
    }
}
