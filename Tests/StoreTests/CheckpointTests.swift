import Foundation
import Primitives
import Testing

@testable import Store

/// The WAL is copied back into the database file by a background thread, not inside commits,
/// and stays small while writes go on.
@Suite struct CheckpointTests {
    private func walBytes(_ database: Database) -> Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: database.path + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// About one database page of data.
    private static let page = [UInt8](repeating: 7, count: 4_000)

    /// A database with a `blobs` table whose log is checkpointed past `pages`, for `body`.
    private func withBlobDatabase(checkpointPages pages: Int, _ body: (Database) throws -> Void) throws {
        var options = DatabaseOptions()
        options.checkpointPages = pages
        try withTemporaryDatabase(options: options) { database in
            try database.migrate([Migration("001", "CREATE TABLE blobs(id INTEGER PRIMARY KEY, data BLOB)")])
            try body(database)
        }
    }

    @Test func commitsPastTheThreshold_AreCopiedInTheBackground_AndFinishedByTheWriter() throws {
        try withBlobDatabase(checkpointPages: 20) { database in
            let page = Self.page
            var written = 0
            // Writes go on until a round was finished by the writer (bounded, so a broken round
            // fails the expectations below instead of looping for ever).
            while written < 5_000 && (written < 1_000 || database.statistics.writerCheckpoints == 0) {
                try database.write { try $0.run("INSERT INTO blobs(data) VALUES (?)", page) }
                written += 1
            }
            let statistics = database.statistics
            #expect(statistics.backgroundCheckpoints > 0)
            #expect(statistics.writerCheckpoints > 0)
            // Over 4 MB went through the log; it started over instead of growing with them, and
            // never grew past the hard limit (80 pages of 4 KiB) plus one commit.
            #expect(walBytes(database) < 600_000)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM blobs", as: Int.self) } == written)
        }
    }

    @Test func aReaderHoldingAnOldSnapshot_DelaysTheLogsRestart_UntilItEnds() throws {
        let threshold = 10
        try withBlobDatabase(checkpointPages: threshold) { database in
            let page = Self.page
            try database.write { try $0.run("INSERT INTO blobs(data) VALUES (?)", page) }
            let reading = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            let reader = Thread {
                _ = try? database.read { connection in
                    _ = try connection.scalar("SELECT count(*) FROM blobs", as: Int.self)
                    reading.signal()
                    release.wait()
                }
            }
            reader.start()
            reading.wait()
            for _ in 0..<200 {
                try database.write { try $0.run("INSERT INTO blobs(data) VALUES (?)", page) }
            }
            // Nothing the reader may still need can be copied over, so the log cannot start over.
            #expect(database.statistics.walPages > 4 * threshold)
            release.signal()
            var written = 0
            while database.statistics.walPages >= 4 * threshold && written < 5_000 {
                try database.write { try $0.run("INSERT INTO blobs(data) VALUES (?)", page) }
                written += 1
            }
            #expect(database.statistics.walPages < 4 * threshold)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM blobs", as: Int.self) } == 201 + written)
        }
    }

    @Test func withoutTheBackgroundThread_TheWriterKeepsTheLogWithinTheHardLimit() throws {
        try withBlobDatabase(checkpointPages: 20) { database in
            database.stopBackgroundCheckpoints()
            let page = Self.page
            for _ in 0..<1_000 {
                try database.write { try $0.run("INSERT INTO blobs(data) VALUES (?)", page) }
            }
            // Over 8 MB went through the log (a blob and its leaf per write); it started over
            // each time it passed the hard limit of 4 × 20 pages of 4 KiB.
            #expect(walBytes(database) < 600_000)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM blobs", as: Int.self) } == 1_000)
        }
    }

    @Test func readersAndWriters_SeeEveryCommittedRow_WhileCheckpointsRun() throws {
        var options = DatabaseOptions()
        options.checkpointPages = 5
        try withTemporaryDatabase(options: options) { database in
            try database.migrate([
                Migration("001", "CREATE TABLE entries(id INTEGER PRIMARY KEY, writer INT, data BLOB)")
            ])
            let failures = Locked<[String]>([])
            onThreads(6) { index in
                for step in 0..<150 {
                    do {
                        if index < 4 {
                            try database.write {
                                try $0.run(
                                    "INSERT INTO entries(writer, data) VALUES (?, ?)", index,
                                    [UInt8](repeating: 1, count: 2_000))
                            }
                        } else {
                            let mine = try database.read { connection in
                                try connection.scalar("SELECT count(*) FROM entries", as: Int.self) ?? 0
                            }
                            if mine < 0 || mine > 600 {
                                failures.withLock { $0.append("count \(mine) at step \(step)") }
                            }
                        }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(failures.current == [])
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 600)
            #expect(database.statistics.backgroundCheckpoints + database.statistics.writerCheckpoints > 0)
        }
    }

    @Test func aDatabaseClosedOrDropped_StopsCheckpointing_AndItsFileReopensWhole() throws {
        try withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("store.sqlite").path
            var options = DatabaseOptions()
            options.checkpointPages = 2
            do {
                let database = try Database(path: path, options: options)
                try database.migrate([Migration("001", "CREATE TABLE t(x)")])
                for value in 0..<100 { try database.write { try $0.run("INSERT INTO t VALUES (?)", value) } }
                // Dropped without close: its thread ends in deinit.
            }
            let reopened = try Database(path: path, options: options)
            defer { reopened.close() }
            #expect(try reopened.read { try $0.scalar("SELECT count(*) FROM t", as: Int.self) } == 100)
            reopened.close()
            reopened.close()
        }
    }

    @Test func aCheckpointThresholdBelowOne_IsRefused() {
        var options = DatabaseOptions()
        options.checkpointPages = 0
        #expect(throws: SQLiteError.self) { try withTemporaryDatabase(options: options) { _ in } }
    }
}
