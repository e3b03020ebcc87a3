import Foundation
import Primitives
import Store
import TestSupport
import Testing

@Suite struct DatabaseLifecycleTests {
    @Test(arguments: [true, false])
    func writeInsideWrite_Throws_InsteadOfDeadlocking(groupCommit: Bool) throws {
        try withTemporaryDatabase(options: options(groupCommit: groupCommit)) { database in
            let error = try #require(throws: SQLiteError.self) {
                try database.write { _ in try database.write { _ in } }
            }
            #expect(SQLiteError.misuse ~= error)
            // The database is still usable afterwards.
            try database.write { try $0.execute("CREATE TABLE after(x)") }
        }
    }

    @Test func writeInsideRead_AndReadInsideWrite_Throw() throws {
        try withTemporaryDatabase { database in
            #expect(throws: SQLiteError.self) { try database.read { _ in try database.write { _ in } } }
            #expect(throws: SQLiteError.self) { try database.write { _ in try database.read { _ in } } }
            #expect(throws: SQLiteError.self) { try database.read { _ in try database.read { _ in } } }
            #expect(throws: SQLiteError.self) { try database.write { _ in try database.migrate([]) } }
        }
    }

    @Test func closeThenUse_Throws() throws {
        try withTemporaryDatabase { database in
            try database.migrate([Migration("001", "CREATE TABLE t(x)")])
            database.close()
            #expect(throws: SQLiteError.self) { try database.read { _ in } }
            #expect(throws: SQLiteError.self) { try database.write { _ in } }
            #expect(throws: SQLiteError.self) { try database.migrate([]) }
            database.close()
        }
    }

    @Test func closeFromInsideAClosure_ClosesWhenTheClosureEnds() throws {
        try withTemporaryDatabase { database in
            try database.write { connection in
                database.close()
                try connection.execute("CREATE TABLE still_in_flight(x)")
            }
            #expect(throws: SQLiteError.self) { try database.read { _ in } }
        }
    }

    @Test func aCallInsideOneDatabase_MayUseAnother() throws {
        try withTemporaryDatabase { outer in
            try withTemporaryDatabase { inner in
                try inner.write { try $0.execute("CREATE TABLE t(x)") }
                try outer.read { _ in
                    try inner.write { try $0.execute("INSERT INTO t VALUES (1)") }
                    #expect(try inner.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } == 1)
                }
                // Both gates let this thread in again afterwards.
                try outer.read { _ in }
                try inner.read { _ in }
            }
        }
    }

    @Test func closeWhileManyThreadsReadAndWrite_EndsEveryCallCleanly() throws {
        try withTemporaryDatabase { database in
            try database.migrate([Migration("001", "CREATE TABLE t(x)")])
            let outcomes = Locked((done: 0, refused: 0, other: 0))
            let closer = Thread {
                _ = eventually(timeout: .seconds(60), interval: .milliseconds(1)) {
                    outcomes.current.done + outcomes.current.refused + outcomes.current.other >= 100
                }
                database.close()
            }
            closer.start()
            onThreads(8) { _ in
                for step in 0..<200 {
                    do {
                        if step % 3 == 0 {
                            try database.write { try $0.execute("INSERT INTO t VALUES (1)") }
                        } else {
                            _ = try database.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) }
                        }
                        outcomes.withLock { $0.done += 1 }
                    } catch let error as SQLiteError where SQLiteError.misuse ~= error {
                        outcomes.withLock { $0.refused += 1 }
                    } catch {
                        outcomes.withLock { $0.other += 1 }
                    }
                }
            }
            #expect(eventually(timeout: .seconds(60), interval: .milliseconds(1)) { closer.isFinished })
            let final = outcomes.current
            #expect(final.done + final.refused == 1_600)
            #expect(final.other == 0)
            #expect(final.refused > 0)
            #expect(throws: SQLiteError.self) { try database.read { _ in } }
        }
    }

    @Test func connectionKeptAfterItsClosure_RefusesUse() throws {
        try withTemporaryDatabase { database in
            var kept: Connection?
            try database.read { kept = $0 }
            let error = try #require(throws: SQLiteError.self) { try kept?.query("SELECT 1") }
            #expect(SQLiteError.misuse ~= error)
        }
    }

    @Test func closuresCannotEndTheStoresTransaction() throws {
        try withTemporaryDatabase { database in
            try database.migrate([Migration("001", "CREATE TABLE t(x)")])
            #expect(throws: SQLiteError.self) {
                try database.write { connection in
                    try connection.run("INSERT INTO t(x) VALUES (1)")
                    try connection.execute("COMMIT")
                }
            }
            #expect(throws: SQLiteError.self) { try database.read { try $0.execute("ROLLBACK") } }
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } == 0)
        }
    }

    @Test func readConnections_CannotWrite() throws {
        try withTemporaryDatabase { database in
            try database.migrate([Migration("001", "CREATE TABLE t(x)")])
            #expect(throws: SQLiteError.self) { try database.read { try $0.run("INSERT INTO t(x) VALUES (1)") } }
        }
    }

    @Test func nestedQueryWithTheSameSQL_InsideForEachRow_Works() throws {
        try withTemporaryDatabase { database in
            try database.write { connection in
                try connection.execute("CREATE TABLE n(x INTEGER); INSERT INTO n VALUES (1), (2), (3);")
            }
            let pairs = try database.read { connection in
                var count = 0
                try connection.forEachRow("SELECT x FROM n", bindings: []) { _ in
                    count += try connection.query("SELECT x FROM n").count
                }
                return count
            }
            #expect(pairs == 9)
        }
    }

    @Test func memoryPathAndMissingDirectory_AreRefusedClearly() throws {
        #expect(throws: SQLiteError.self) { _ = try Database(path: ":memory:") }
        #expect(throws: SQLiteError.self) { _ = try Database(path: "") }
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing/db.sqlite").path
            let error = try #require(throws: SQLiteError.self) { _ = try Database(path: path) }
            #expect(error.message.contains("does not exist"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing").path))
        }
    }

    @Test func invalidOptions_AreRefused() throws {
        var none = DatabaseOptions()
        none.readerCount = 0
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("x.sqlite").path
            #expect(throws: SQLiteError.self) { _ = try Database(path: path, options: none) }
        }
    }

    @Test func database_UsesWALAndForeignKeys() throws {
        try withTemporaryDatabase(options: options(groupCommit: true, synchronous: .full)) { database in
            let settings = try database.write { connection in
                (
                    try connection.scalar("PRAGMA journal_mode", as: String.self),
                    try connection.scalar("PRAGMA foreign_keys", as: Bool.self),
                    try connection.scalar("PRAGMA synchronous", as: Int.self)
                )
            }
            #expect(settings.0 == "wal")
            #expect(settings.1 == true)
            #expect(settings.2 == 2)
        }
    }
}
