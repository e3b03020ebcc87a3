import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// The gateway's `/metrics`: what the launcher reports of each process, and Prometheus'
/// conventions for everything it exposes.
@Suite struct GatewayMetricsTests {
    private func gatewayWithSupervision(_ report: SupervisionReport) throws -> (GatewayHarness, TemporaryDirectory) {
        let directory = try TemporaryDirectory(prefix: "zaplecze-supervision")
        let path = directory.file(SupervisionReport.fileName)
        try report.write(to: path)
        return (try GatewayHarness(environment: [SupervisionReport.fileVariable: path]), directory)
    }

    private let looping = SupervisionReport(processes: [
        "gateway": .init(state: "running", restarts: 0, crashLooping: false, lastExit: nil),
        "loyalty": .init(state: "waitingToRestart", restarts: 7, crashLooping: true, lastExit: "exited with status 1"),
    ])

    @Test func crashLoopReportedByTheLauncher_ShowsInMetricsAndReady() throws {
        let (gateway, directory) = try gatewayWithSupervision(looping)
        defer {
            gateway.stop()
            directory.remove()
        }
        gateway.upstream.behave { request in
            request.target == "/ready" ? try? .json(["status": "ready", "version": "9.9.9"]) : nil
        }
        let text = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey).text
        #expect(text.contains("zaplecze_suite_crash_looping{service=\"loyalty\"} 1"))
        #expect(text.contains("zaplecze_suite_crash_looping{service=\"gateway\"} 0"))
        #expect(text.contains("# TYPE zaplecze_suite_restarts_total counter"))
        #expect(text.contains("zaplecze_suite_restarts_total{service=\"loyalty\"} 7"))

        let ready = try gateway.client.request(.get, "/ready", token: GatewayHarness.adminKey)
        #expect(ready.status == .serviceUnavailable)
        let report = try ready.decode(SuiteReadiness.Report.self)
        #expect(report.services?["loyalty"]?.status == "crashLooping")
        #expect(report.services?["loyalty"]?.restarts == 7)
        #expect(report.services?["loyalty"]?.lastExit == "exited with status 1")
        #expect(report.services?["discounts"]?.status == "ready")
    }

    @Test(.enabled(if: Promtool.isAvailable, Comment(rawValue: Promtool.missingReason)))
    func theGatewaysMetrics_PassPromtool() throws {
        let (gateway, directory) = try gatewayWithSupervision(looping)
        defer {
            gateway.stop()
            directory.remove()
        }
        _ = try gateway.client.request(.get, "/api/v1/loyalty/health")
        _ = try gateway.client.request(.get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey)
        _ = try gateway.client.request(.other("BREW"), "/nowhere")
        let text = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey).text
        #expect(text.contains("zaplecze_upstream_requests_total"))
        #expect(try Promtool.problems(in: text) == "")
    }
}
