import ServiceKit
import Testing

/// The registry's text exposition: counts per route, method and status, cumulative histograms,
/// and label values escaped as the Prometheus text format asks.
@Suite struct MetricsRegistryTests {
    @Test func requests_AreCountedPerRouteMethodAndStatus_AndTimedPerRoute() {
        let metrics = MetricsRegistry()
        metrics.recordRequest(route: "/v1/a", method: "GET", status: 200, seconds: 0.0001)
        metrics.recordRequest(route: "/v1/a", method: "GET", status: 200, seconds: 0.003)
        metrics.recordRequest(route: "/v1/a", method: "POST", status: 201, seconds: 0.2)
        metrics.recordRequest(route: "/v1/b", method: "GET", status: 404, seconds: 20)
        let text = metrics.render()
        #expect(text.contains("zaplecze_http_requests_total{route=\"/v1/a\",method=\"GET\",status=\"200\"} 2\n"))
        #expect(text.contains("zaplecze_http_requests_total{route=\"/v1/a\",method=\"POST\",status=\"201\"} 1\n"))
        #expect(text.contains("zaplecze_http_requests_total{route=\"/v1/b\",method=\"GET\",status=\"404\"} 1\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/a\",le=\"0.0005\"} 1\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/a\",le=\"0.005\"} 2\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/a\",le=\"0.25\"} 3\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_count{route=\"/v1/a\"} 3\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/b\",le=\"10.0\"} 0\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_bucket{route=\"/v1/b\",le=\"+Inf\"} 1\n"))
        // Rows come out in a stable order: by route, then status.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("zaplecze_http_requests_total{") }
        #expect(rows.count == 3 && rows[0].contains("status=\"200\"") && rows[2].contains("/v1/b"))
    }

    @Test func otherHistograms_KeepTheirOwnLabels_NextToTheRequestHistogram() {
        let metrics = MetricsRegistry()
        metrics.observe("zaplecze_upstream_request_duration_seconds", labels: "service=\"loyalty\"", seconds: 0.001)
        metrics.observe("zaplecze_upstream_request_duration_seconds", labels: "service=\"loyalty\"", seconds: 0.002)
        metrics.recordRequest(route: "/health", method: "GET", status: 200, seconds: 0.0001)
        let text = metrics.render()
        #expect(text.contains("zaplecze_upstream_request_duration_seconds_count{service=\"loyalty\"} 2\n"))
        #expect(
            text.contains("zaplecze_upstream_request_duration_seconds_bucket{service=\"loyalty\",le=\"0.001\"} 1\n"))
        #expect(text.contains("zaplecze_http_request_duration_seconds_count{route=\"/health\"} 1\n"))
    }

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("", "\"\""),
        ("a\"b", "\"a\\\"b\""),
        ("back\\slash", "\"back\\\\slash\""),
        ("two\nlines", "\"two\\nlines\""),
        ("zażółć \"ą\"\n", "\"zażółć \\\"ą\\\"\\n\""),
    ])
    func labelValues_AreQuotedAndEscaped(value: String, expected: String) {
        #expect(MetricsRegistry().label(value) == expected)
    }
}
