import Contract
import Foundation
import Glibc
import HTTP
import TestSupport
import Testing

/// Points survive a crashing service: writers keep sending idempotent adjustments through the
/// gateway while loyalty is killed with SIGKILL again and again (the launcher restarts it). Each
/// writer retries an adjustment with the same Idempotency-Key until it is acknowledged; at the end
/// every balance equals the sum of acknowledged adjustments: nothing lost, nothing doubled.
@Suite(.serialized)
struct LoyaltyCrashTests {
    static let writers = 16
    static let customers = 4

    @Test func balances_EqualTheAcknowledgedAdjustments_WhenLoyaltyIsKilledRepeatedly() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let acknowledged = Locked<[Int64]>(Array(repeating: 0, count: Self.customers))
        let stop = Locked(false)
        let kills = Locked(0)
        let retries = Locked(0)

        let killer = Thread {
            var round = 0
            while !stop.current && round < 4 {
                usleep(UInt32.random(in: 1_500_000...2_500_000))
                if let pid = suite.childPID("loyalty") {
                    kill(pid, SIGKILL)
                    kills.withLock { $0 += 1 }
                }
                round += 1
            }
        }
        killer.start()

        let deadline = ContinuousClock.now + .seconds(12)
        DispatchQueue.concurrentPerform(iterations: Self.writers) { writer in
            var sequence = 0
            while ContinuousClock.now < deadline {
                sequence += 1
                let customer = (writer + sequence) % Self.customers
                let points = Int64(1 + (writer + sequence) % 5)
                let key = "crash-\(writer)-\(sequence)"
                let body =
                    (try? JSONCoding.encode(PointsAdjustmentRequest(points: points, reason: "crash test \(key)"))) ?? []
                // Retry the same logical adjustment until it is acknowledged (bounded, so a broken
                // service fails the test instead of hanging it).
                var attempts = 0
                while attempts < 400 {
                    attempts += 1
                    if let response = try? suite.gateway.request(
                        .post, "/api/v1/loyalty/customers/crash-\(customer)/adjustments", token: SuiteHarness.adminKey,
                        body: body, headers: ["Idempotency-Key": key], timeout: .seconds(5)
                    ), (200..<300).contains(response.status.code) {
                        acknowledged.withLock { $0[customer] += points }
                        break
                    }
                    retries.withLock { $0 += 1 }
                    usleep(25_000)
                }
            }
        }
        stop.withLock { $0 = true }
        while !killer.isFinished { usleep(10_000) }
        #expect(kills.current >= 3, "loyalty was killed \(kills.current) times")

        try suite.waitUntilReady(timeout: .seconds(30))
        let expected = acknowledged.current
        for customer in 0..<Self.customers {
            var balance: Int64 = -1
            for _ in 0..<100 {
                if let response = try? suite.gateway.request(
                    .get, "/api/v1/loyalty/customers/crash-\(customer)", token: SuiteHarness.adminKey
                ), response.status == .ok, let points = try? response.decode(CustomerPoints.self) {
                    balance = points.points
                    break
                }
                usleep(100_000)
            }
            #expect(balance == expected[customer], "customer crash-\(customer)")
        }
        print(
            "crash test: \(kills.current) kills, \(expected.reduce(0, +)) points acknowledged, \(retries.current) retried requests"
        )
    }
}
