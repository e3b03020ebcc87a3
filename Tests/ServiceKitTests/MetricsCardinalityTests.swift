import HTTP
import ServiceKit
import TestSupport
import Testing

/// Whatever anonymous callers send, `/metrics` keeps a fixed set of series: label values come
/// from closed sets (known methods or `other`, route patterns or `unmatched`, known statuses or
/// their class), never from the request.
@Suite struct MetricsCardinalityTests {
    private func series(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n")
                .filter { !$0.hasPrefix("#") && $0.hasPrefix("zaplecze_http_") }
                .compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    @Test func thousandsOfDistinctMethodsAndPaths_AddNoSeries() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        var generator = SystemRandomNumberGenerator()
        func junk(_ length: Int) -> String {
            String((0..<length).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".randomElement(using: &generator)! })
        }
        // One of each kind first, so that every series that can exist does.
        _ = try service.client.request(.other("BREW"), "/nowhere")
        _ = try service.client.request(.other("BREW"), "/health")
        _ = try service.client.request(.get, "/nowhere")
        let before = series(try service.client.request(.get, "/metrics").text)

        for index in 0..<2_000 {
            let method = HTTPMethod.other("M\(index)\(junk(12))")
            _ = try service.client.request(method, "/\(junk(8))/\(index)")
            if index % 4 == 0 { _ = try service.client.request(method, "/health") }
        }
        let afterText = try service.client.request(.get, "/metrics").text
        let after = series(afterText)

        #expect(after.subtracting(before).filter { !$0.contains("route=\"/metrics\"") }.isEmpty)
        #expect(!afterText.contains("M1999"))
        #expect(afterText.contains("method=\"other\""))
        #expect(afterText.contains("route=\"unmatched\""))
    }

    @Test func labelValues_ComeFromClosedSets() {
        #expect(MetricsRegistry.methodLabel("GET") == "GET")
        #expect(MetricsRegistry.methodLabel("PATCH") == "PATCH")
        #expect(MetricsRegistry.methodLabel("get") == "other")
        #expect(MetricsRegistry.methodLabel(String(repeating: "X", count: 8_000)) == "other")
        #expect(MetricsRegistry.statusLabel(404) == "404")
        #expect(MetricsRegistry.statusLabel(429) == "429")
        #expect(MetricsRegistry.statusLabel(418) == "4xx")
        #expect(MetricsRegistry.statusLabel(599) == "5xx")
        #expect(MetricsRegistry.statusLabel(1_000) == "other")
    }
}
