import Contract
import Foundation
import Glibc
import HTTP
import ServiceKit
import TestSupport
import Testing

/// A service that keeps dying is restarted with a growing delay and never abandoned, and the
/// gateway reports the loop on `/ready` and `/metrics`.
@Suite(.serialized)
struct CrashLoopTests {
    /// Kills the current loyalty process and waits for the launcher to start the next one.
    private func killLoyalty(_ suite: SuiteHarness) throws {
        let pid = try #require(suite.childPID("loyalty"), "no loyalty process")
        kill(pid, SIGKILL)
        let restarted = eventually(timeout: .seconds(20), interval: .milliseconds(20)) {
            suite.childPID("loyalty").map { $0 != pid } ?? false
        }
        #expect(restarted, "loyalty was not restarted within 20 s")
    }

    @Test func loyaltyKilledSixTimes_IsReportedCrashLooping_AndStillComesBack() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        // The launcher used to give a service up after five restarts within a minute.
        for _ in 0..<6 { try killLoyalty(suite) }

        // The launcher writes its report just after starting the process the loop above saw.
        var ready = try suite.gateway.request(.get, "/ready", token: SuiteHarness.adminKey)
        try eventually(timeout: .seconds(5), interval: .milliseconds(20)) {
            if (try? ready.decode(GatewayReadyReport.self).services["loyalty"]?.restarts) == 6 { return true }
            ready = try suite.gateway.request(.get, "/ready", token: SuiteHarness.adminKey)
            return false
        }
        #expect(ready.status == .serviceUnavailable)
        let loyalty = try #require(try ready.decode(GatewayReadyReport.self).services["loyalty"])
        #expect(loyalty.status == "crashLooping")
        #expect(loyalty.restarts == 6)
        #expect(loyalty.lastExit == "was killed by SIGKILL")

        let metrics = try suite.gateway.request(.get, "/metrics", token: SuiteHarness.adminKey).text
        #expect(metrics.contains("zaplecze_suite_crash_looping{service=\"loyalty\"} 1"))
        #expect(metrics.contains("zaplecze_suite_crash_looping{service=\"discounts\"} 0"))
        #expect(metrics.contains("zaplecze_suite_restarts_total{service=\"loyalty\"} 6"))
        #expect(suite.launcher.output.contains("loyalty is crash-looping"))

        // Still restarted: the new process answers.
        let port = suite.port(of: "loyalty")
        let back = eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
            (try? TestClient(port: port).request(.get, "/ready", timeout: .seconds(1)))?.status == .ok
        }
        #expect(back, "loyalty did not come back")
    }
}

/// The parts of the gateway's detailed `/ready` this test reads.
private struct GatewayReadyReport: Decodable {
    struct Service: Decodable {
        var status: String
        var restarts: Int?
        var lastExit: String?
    }
    var services: [String: Service]
}
