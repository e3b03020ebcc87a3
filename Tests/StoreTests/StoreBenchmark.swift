import Foundation
import Primitives
import Store
import Testing

/// Write throughput of the store; runs only with ZAPLECZE_BENCH=1 (see scripts/bench-store).
///
/// Each measured write is one `write` call inserting one row, so "transactions per second" is
/// what a service sees per request; with group commit several of them share one COMMIT.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZAPLECZE_BENCH"] == "1"), .serialized)
struct StoreBenchmark {
    private struct Case: CustomStringConvertible {
        let synchronous: DatabaseOptions.Synchronous
        let groupCommit: Bool
        let threads: Int
        let writesPerThread: Int

        var description: String {
            "synchronous=\(synchronous.rawValue) groupCommit=\(groupCommit ? "on" : "off") threads=\(threads)"
        }
    }

    private struct Measurement {
        let writes: Int
        let seconds: Double
        let batches: Int
        let failures: Int
    }

    private var cases: [Case] {
        var cases: [Case] = []
        // FULL pays an fsync per commit, so it gets fewer writes to keep the run short.
        for (synchronous, total) in [(DatabaseOptions.Synchronous.normal, 20_000), (.full, 3_200)] {
            for groupCommit in [true, false] {
                cases.append(
                    Case(synchronous: synchronous, groupCommit: groupCommit, threads: 1, writesPerThread: total))
                cases.append(
                    Case(synchronous: synchronous, groupCommit: groupCommit, threads: 32, writesPerThread: total / 32))
            }
        }
        return cases
    }

    @Test func singleRowWriteTransactionsPerSecond() throws {
        var lines = [
            "synchronous  groupCommit  threads  writes   seconds     tx/s  batches  writes/batch",
            String(repeating: "-", count: 84),
        ]
        for benchmark in cases {
            let result = try measure(benchmark)
            #expect(result.failures == 0, "\(benchmark)")
            let perBatch = Double(result.writes) / Double(max(result.batches, 1))
            lines.append(
                pad(benchmark.synchronous.rawValue, 11) + "  " + pad(benchmark.groupCommit ? "on" : "off", 11) + "  "
                    + pad("\(benchmark.threads)", 7, right: true) + "  " + pad("\(result.writes)", 6, right: true)
                    + "  "
                    + pad(String(format: "%.3f", result.seconds), 8, right: true) + "  "
                    + pad(String(format: "%.0f", Double(result.writes) / result.seconds), 7, right: true) + "  "
                    + pad("\(result.batches)", 7, right: true) + "  "
                    + pad(String(format: "%.1f", perBatch), 12, right: true))
        }
        print(lines.joined(separator: "\n"))
    }

    // MARK: - Private

    private func measure(_ benchmark: Case) throws -> Measurement {
        var options = DatabaseOptions()
        options.synchronous = benchmark.synchronous
        options.groupCommit = benchmark.groupCommit
        return try withTemporaryDatabase(options: options) { database in
            try database.migrate([
                Migration(
                    "001_events",
                    "CREATE TABLE events(id INTEGER PRIMARY KEY, source INTEGER NOT NULL, body TEXT NOT NULL)")
            ])
            // Warm the statement cache and the file before timing.
            try database.write { try $0.run("INSERT INTO events(source, body) VALUES (?, ?)", -1, "warm-up") }
            let before = database.statistics
            let failures = Locked(0)
            let clock = ContinuousClock()
            let started = clock.now
            onThreads(benchmark.threads) { source in
                for index in 0..<benchmark.writesPerThread {
                    do {
                        try database.write {
                            try $0.run("INSERT INTO events(source, body) VALUES (?, ?)", source, "event \(index)")
                        }
                    } catch {
                        failures.withLock { $0 += 1 }
                    }
                }
            }
            let elapsed = clock.now - started
            let after = database.statistics
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Measurement(
                writes: after.writes - before.writes, seconds: seconds, batches: after.batches - before.batches,
                failures: failures.current)
        }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
