import HTTP
import ServiceKit
import TestSupport
import Testing

/// Metric names, types and help texts follow Prometheus' conventions, as its own checker sees
/// them (`promtool check metrics`): a `_total` is a counter, a counter ends in `_total`, every
/// metric has a HELP line.
@Suite struct MetricsConventionTests {
    @Test(.enabled(if: Promtool.isAvailable, Comment(rawValue: Promtool.missingReason)))
    func aServicesMetrics_PassPromtool() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        _ = try service.call(.get, "/v1/counter")
        _ = try service.client.request(.other("BREW"), "/nowhere")
        service.environment.metrics.increment("zaplecze_test_events_total", labels: "kind=\"a\"")
        service.environment.metrics.observe("zaplecze_test_wait_seconds", labels: "kind=\"a\"", seconds: 0.01)
        let text = try service.client.request(.get, "/metrics").text

        #expect(try Promtool.problems(in: text) == "")
    }

    @Test(.enabled(if: Promtool.isAvailable, Comment(rawValue: Promtool.missingReason)))
    func aTotalDeclaredAsAGauge_IsWhatPromtoolRefuses() throws {
        let metrics = MetricsRegistry()
        metrics.gauge("zaplecze_wrong_total", help: "A total that is not a counter.") { [("", 1)] }
        #expect(try Promtool.problems(in: metrics.render()).contains("zaplecze_wrong_total"))
    }

    @Test func databaseTotals_AreCounters() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let text = try service.client.request(.get, "/metrics").text
        for name in ["zaplecze_db_checkpoints_total", "zaplecze_db_operations_total", "zaplecze_db_seconds_total"] {
            #expect(text.contains("# TYPE \(name) counter\n"), "\(name)")
        }
    }
}
