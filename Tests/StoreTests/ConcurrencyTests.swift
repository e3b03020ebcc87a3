import Dispatch
import Foundation
import Primitives
import Store
import TestSupport
import Testing

@Suite struct ConcurrencyTests {
    private let schema = Migration(
        "001_entries",
        "CREATE TABLE entries(id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, seq INTEGER NOT NULL, UNIQUE(writer, seq))"
    )

    @Test(arguments: [true, false])
    func read_SeesTheCommittedSnapshot_WhileAWriteIsInProgress(groupCommit: Bool) throws {
        try withTemporaryDatabase(options: options(groupCommit: groupCommit)) { database in
            try database.migrate([schema])
            try database.write { try $0.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", 0, 0) }
            let inserted = DispatchSemaphore(value: 0)
            let readDone = DispatchSemaphore(value: 0)
            let writerResult = Locked<Result<Void, any Error>?>(nil)
            let countDuringWrite = Locked<Int?>(nil)
            onThreads(2) { index in
                if index == 0 {
                    let result = Result {
                        try database.write { connection in
                            try connection.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", 0, 1)
                            inserted.signal()
                            // If readers waited for the writer, this would time out and the test fail.
                            _ = readDone.wait(timeout: .now() + 60)
                        }
                    }
                    writerResult.withLock { $0 = result }
                } else {
                    _ = inserted.wait(timeout: .now() + 60)
                    let count = try? database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) }
                    countDuringWrite.withLock { $0 = count }
                    readDone.signal()
                }
            }
            #expect(countDuringWrite.current == 1)
            #expect(throws: Never.self) { try writerResult.current?.get() }
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 2)
        }
    }

    @Test func groupCommit_ManyThreadsWritingAtOnce_LandEveryRowExactlyOnce_InFewerBatches() throws {
        let threads = 32
        let writesPerThread = 200
        try withTemporaryDatabase(options: options(groupCommit: true)) { database in
            try database.migrate([schema])
            let returned = Locked<[Int64: (writer: Int, seq: Int)]>([:])
            let failures = Locked<[String]>([])
            onThreads(threads) { writer in
                for seq in 0..<writesPerThread {
                    do {
                        let rowID = try database.write { connection in
                            try connection.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", writer, seq)
                            return connection.lastInsertRowID
                        }
                        returned.withLock { $0[rowID] = (writer, seq) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(failures.current == [])
            let rows = try database.read { connection in
                try connection.query("SELECT id, writer, seq FROM entries").map {
                    (
                        id: try $0.get("id", as: Int64.self), writer: try $0.get("writer", as: Int.self),
                        seq: try $0.get("seq", as: Int.self)
                    )
                }
            }
            #expect(rows.count == threads * writesPerThread)
            // Each caller got back the rowid of its own insert, not another caller's.
            let byID = returned.current
            #expect(byID.count == threads * writesPerThread)
            #expect(
                rows.allSatisfy { row in byID[row.id].map { $0.writer == row.writer && $0.seq == row.seq } ?? false })
            let statistics = database.statistics
            #expect(statistics.writes == threads * writesPerThread)
            #expect(statistics.failedWrites == 0)
            #expect(statistics.commits == statistics.batches)
            #expect(statistics.batches < statistics.writes)
        }
    }

    @Test(arguments: [1, 3, 128])
    func groupCommit_MigrationsWhileWritesFlow_GetTheWriter_AndEveryWriteLands(maxBatchSize: Int) throws {
        var options = options(groupCommit: true)
        options.maxBatchSize = maxBatchSize
        try withTemporaryDatabase(options: options) { database in
            try database.migrate([schema])
            let failures = Locked<[String]>([])
            let migrated = Locked(0)
            onThreads(9) { index in
                if index == 8 {
                    // Exclusive use of the writer, interleaved with the queued group writes.
                    for step in 0..<20 {
                        do {
                            try database.migrate([Migration("extra-\(step)", "CREATE TABLE extra_\(step)(x)")])
                            migrated.withLock { $0 += 1 }
                        } catch {
                            failures.withLock { $0.append("\(error)") }
                        }
                    }
                    return
                }
                for seq in 0..<150 {
                    do {
                        try database.write { try $0.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", index, seq) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(failures.current == [])
            #expect(migrated.current == 20)
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 8 * 150)
            let statistics = database.statistics
            #expect(statistics.writes == 8 * 150)
            if maxBatchSize == 1 { #expect(statistics.batches == statistics.writes) }
        }
    }

    @Test func groupCommit_AThrowingWriteInABatch_RollsBackOnlyItself() throws {
        let followers = 10
        let failing = 3
        try withTemporaryDatabase(options: options(groupCommit: true)) { database in
            try database.migrate([schema])
            let leaderInside = DispatchSemaphore(value: 0)
            let releaseLeader = DispatchSemaphore(value: 0)
            let outcomes = Locked<[Int: String]>([:])
            let queuedInFull = Locked(false)
            onThreads(followers + 2) { index in
                switch index {
                case 0:
                    // The leader holds the writer so that every follower queues behind it.
                    let result = Result {
                        try database.write { connection in
                            try connection.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", -1, 0)
                            for _ in 0...followers { leaderInside.signal() }
                            _ = releaseLeader.wait(timeout: .now() + 60)
                        }
                    }
                    outcomes.withLock { $0[-1] = (try? result.get()) == nil ? "failed" : "ok" }
                case 1:
                    _ = leaderInside.wait(timeout: .now() + 60)
                    queuedInFull.withLock {
                        $0 = eventually(timeout: .seconds(60), interval: .milliseconds(1)) {
                            database.statistics.queuedWrites == followers
                        }
                    }
                    releaseLeader.signal()
                default:
                    _ = leaderInside.wait(timeout: .now() + 60)
                    let follower = index - 2
                    do {
                        try database.write { connection in
                            try connection.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", follower, 0)
                            if follower == failing { throw PlannedFailure(tag: follower) }
                        }
                        outcomes.withLock { $0[follower] = "ok" }
                    } catch let failure as PlannedFailure {
                        outcomes.withLock { $0[follower] = "planned \(failure.tag)" }
                    } catch {
                        outcomes.withLock { $0[follower] = "\(error)" }
                    }
                }
            }
            #expect(queuedInFull.current)
            var expected = [-1: "ok"]
            for follower in 0..<followers { expected[follower] = follower == failing ? "planned \(failing)" : "ok" }
            #expect(outcomes.current == expected)
            let writers = try database.read { connection in
                try connection.query("SELECT writer FROM entries ORDER BY writer").map { try $0.get(0, as: Int.self) }
            }
            #expect(writers == [-1] + (0..<followers).filter { $0 != failing })
            let statistics = database.statistics
            #expect(statistics.batches == 2)
            #expect(statistics.commits == 2)
            #expect(statistics.writes == followers + 1)
            #expect(statistics.failedWrites == 1)
        }
    }

    @Test func withoutGroupCommit_EveryWriteIsItsOwnTransaction() throws {
        try withTemporaryDatabase(options: options(groupCommit: false)) { database in
            try database.migrate([schema])
            onThreads(8) { writer in
                for seq in 0..<25 {
                    _ = try? database.write {
                        try $0.run("INSERT INTO entries(writer, seq) VALUES (?, ?)", writer, seq)
                    }
                }
            }
            #expect(try database.read { try $0.scalar("SELECT count(*) FROM entries", as: Int.self) } == 200)
            let statistics = database.statistics
            #expect(statistics.writes == 200)
            #expect(statistics.batches == 200)
            #expect(statistics.commits == 200)
        }
    }

    @Test func manyReaders_ShareAPoolSmallerThanTheThreadCount() throws {
        var small = DatabaseOptions()
        small.readerCount = 2
        try withTemporaryDatabase(options: small) { database in
            try database.migrate([schema])
            let sums = Locked<[Int]>([])
            onThreads(16) { _ in
                for _ in 0..<20 {
                    let one = try? database.read { try $0.scalar("SELECT 1", as: Int.self) }
                    sums.withLock { $0.append(one ?? 0) }
                }
            }
            #expect(sums.current.count == 320)
            #expect(sums.current.allSatisfy { $0 == 1 })
            #expect(database.statistics.reads == 320)
        }
    }
}
