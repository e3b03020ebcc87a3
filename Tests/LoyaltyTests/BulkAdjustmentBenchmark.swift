import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// How long a bulk file holds the service's writer, and how long one adjustment sent meanwhile
/// waits; runs only with ZAPLECZE_BENCH_BULK=1 (see scripts/bench-bulk).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZAPLECZE_BENCH_BULK"] == "1"), .serialized)
struct BulkAdjustmentBenchmark {
    @Test func writerHoldPerFileSize() throws {
        var lines: [String] = []
        for rows in [1_000, BulkAdjustmentFile.maximumRows] {
            let service = try LoyaltyTestService()
            defer { service.shutdown() }
            var text = "customerId,points,reason\r\n"
            for index in 0..<rows { text += "customer-\(index),10,Spring gift\r\n" }
            let body = Array(text.utf8)
            let waited = Locked(Duration.zero)
            let other = Thread {
                Thread.sleep(forTimeInterval: 0.02)
                let started = ContinuousClock.now
                _ = try? service.adjust("someone-else", 5)
                waited.withLock { $0 = ContinuousClock.now - started }
            }
            let started = ContinuousClock.now
            other.start()
            let answer = try service.send(
                .post, "/v1/adjustments/bulk", body: body, headers: ["Content-Type": "text/csv"])
            let elapsed = ContinuousClock.now - started
            Thread.sleep(forTimeInterval: 0.5)
            #expect(answer.status == 200)
            lines.append(
                "\(rows) rows: file applied in \(elapsed), one adjustment sent 20 ms in waited \(waited.withLock { $0 })"
            )
        }
        print(lines.joined(separator: "\n"))
    }
}
