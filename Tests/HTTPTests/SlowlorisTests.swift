import Foundation
import Glibc
import HTTP
import TestSupport
import Testing

/// Hundreds of clients trickling their heads a byte at a time must neither starve normal clients
/// nor outlive the header timeout.
@Suite struct SlowlorisTests {
    static let tricklers = 300
    static let requests = 200

    /// Makes `count` keep-alive requests on one connection, one every `pause`, and returns each
    /// one's latency in nanoseconds (nil for a failed one).
    static func measure(_ live: LiveServer, count: Int, pause: Duration) throws -> [UInt64?] {
        let connection = try live.connect()
        var latencies: [UInt64?] = []
        for index in 0..<count {
            let started = MonotonicClock.now()
            do {
                try connection.send(getRequest("/path/\(index)"))
                let response = try connection.readResponse(timeout: .seconds(2))
                latencies.append(
                    response.status == 200 && response.text == "/path/\(index)"
                        ? MonotonicClock.now() - started : nil)
            } catch {
                latencies.append(nil)
            }
            usleep(UInt32(pause.nanoseconds / 1_000))
        }
        return latencies
    }

    static func percentile(_ values: [UInt64], _ fraction: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))
        return Double(sorted[index]) / 1_000_000
    }

    static func describe(_ values: [UInt64]) -> String {
        let median = percentile(values, 0.5)
        let p99 = percentile(values, 0.99)
        return "median \(String(format: "%.3f", median)) ms, p99 \(String(format: "%.3f", p99)) ms"
    }

    @Test(.timeLimit(.minutes(2)))
    func tricklingClients_DoNotStarveNormalOnes_AndAllRunOutAtTheHeaderTimeout() throws {
        var limits = HTTPLimits()
        limits.headerTimeout = .seconds(3)
        let live = try LiveServer(routes: wireRoutes(), limits: limits, eventLoops: 2, workers: 4)
        defer { live.stop() }

        let quiet = try Self.measure(live, count: Self.requests, pause: .milliseconds(2))
        #expect(quiet.allSatisfy { $0 != nil })

        // Open every trickling connection and send its first byte.
        let head = Array(("GET /hello HTTP/1.1\r\nHost: test\r\nX-Padding: " + String(repeating: "p", count: 400)).utf8)
        var connections: [RawConnection] = []
        var firstByteAt: [UInt64] = []
        for _ in 0..<Self.tricklers {
            let connection = try live.connect()
            try connection.send([head[0]])
            connections.append(connection)
            firstByteAt.append(MonotonicClock.now())
        }
        let outcome = Locked<(closedAt: [UInt64?], answers: [String])>(
            (Array(repeating: nil, count: Self.tricklers), [])
        )
        let trickler = ThreadHandle.spawn(name: "test-trickle") { [connections] in
            var sent = Array(repeating: 1, count: connections.count)
            let deadline = MonotonicClock.now() + 20_000_000_000
            while MonotonicClock.now() < deadline {
                var open = 0
                for (index, connection) in connections.enumerated() where outcome.current.closedAt[index] == nil {
                    // Read what is there without waiting; once answered, only wait for the close.
                    _ = connection.receivesNothing(for: .zero)
                    if !connection.peerClosed && connection.unreadBytes.isEmpty {
                        _ = try? connection.send([head[min(sent[index], head.count - 1)]])
                        sent[index] += 1
                    }
                    if connection.peerClosed {
                        let answer = String(decoding: connection.unreadBytes.prefix(12), as: UTF8.self)
                        outcome.withLock {
                            $0.closedAt[index] = MonotonicClock.now()
                            $0.answers.append(answer)
                        }
                    } else {
                        open += 1
                    }
                }
                if open == 0 { return }
                usleep(200_000)
            }
        }
        let loaded = try Self.measure(live, count: Self.requests, pause: .milliseconds(10))
        trickler.join()

        let failed = loaded.indices.filter { loaded[$0] == nil }
        #expect(failed.isEmpty, "requests that failed or took over 2 s under load: \(failed)")
        let result = outcome.current
        let stillOpen = result.closedAt.filter { $0 == nil }.count
        #expect(stillOpen == 0, "\(stillOpen) trickling connections outlived the header timeout")
        let answers = Set(result.answers)
        #expect(answers.isSubset(of: ["HTTP/1.1 408", ""]), "\(answers)")
        // The timer starts at the server's first read, after our first send: never earlier.
        let earliest = zip(result.closedAt, firstByteAt).compactMap { closed, first in closed.map { $0 - first } }.min()
        #expect((earliest ?? .max) >= 2_900_000_000)

        print(
            """
            Slowloris figures (\(Self.requests) keep-alive requests each):
              without trickling load: \(Self.describe(quiet.compactMap { $0 }))
              with \(Self.tricklers) trickling connections: \(Self.describe(loaded.compactMap { $0 }))
              trickling connections answered 408: \(result.answers.filter { $0 == "HTTP/1.1 408" }.count), \
            closed silently: \(result.answers.filter { $0.isEmpty }.count)
            """)
    }
}
