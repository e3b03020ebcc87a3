import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// Forwarding to services: timeouts and unreachable services as JSON errors, the request id end
/// to end, per-service metrics, and the suite's readiness.
@Suite struct ForwardingTests {
    @Test func slowService_Is504JSON_AfterTheConfiguredTimeout() throws {
        let gateway = try GatewayHarness(environment: ["ZAPLECZE_UPSTREAM_TIMEOUT_SECONDS": "0.3"])
        defer { gateway.stop() }
        let release = DispatchSemaphore(value: 0)
        gateway.upstream.behave { request in
            guard request.target.hasPrefix("/v1/status") else { return nil }
            // Held until the test has its answer, so no sleeping is needed.
            _ = release.wait(timeout: .now() + 30)
            return nil
        }
        let response = try gateway.client.request(.get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey)
        release.signal()
        #expect(response.status == .gatewayTimeout)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.errorEnvelope?.error.code == "upstream_timeout")
        let metrics = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey).text
        #expect(metrics.contains("zaplecze_upstream_errors_total{service=\"loyalty\",kind=\"timeout\"} 1"))
    }

    @Test func unreachableService_Is503JSON() throws {
        let closedPort = try FreePorts.one()
        let gateway = try GatewayHarness(serviceURLs: ["reviews": Upstream(host: "127.0.0.1", port: closedPort)])
        defer { gateway.stop() }
        let response = try gateway.client.request(.get, "/api/v1/reviews/status", token: GatewayHarness.adminKey)
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Retry-After"] == "1")
        #expect(response.errorEnvelope?.error.code == "service_unavailable")
    }

    @Test func requestId_GoesToTheServiceAndBack_OrIsMadeUpWhenMissing() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let traced = try gateway.client.request(.get, "/api/v1/helpdesk/health", headers: ["X-Request-Id": "trace-123"])
        #expect(traced.headers["X-Request-Id"] == "trace-123")
        #expect(try traced.decode(FakeUpstream.Echo.self).requestId == "trace-123")
        let fresh = try gateway.client.request(.get, "/api/v1/helpdesk/health")
        let generated = try #require(fresh.headers["X-Request-Id"])
        #expect(!generated.isEmpty)
        #expect(try fresh.decode(FakeUpstream.Echo.self).requestId == generated)
    }

    @Test func serviceAnswers_PassThroughWithTheirStatusAndBody() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        gateway.upstream.behave { _ in
            HTTPResponse(
                status: .conflict, headers: ["Content-Type": "application/json"],
                bytes: Array(#"{"error":{"code":"insufficient_points","message":"Too few."}}"#.utf8))
        }
        let response = try gateway.client.request(.get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey)
        #expect(response.status == .conflict)
        #expect(response.errorEnvelope?.error.code == "insufficient_points")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
    }

    @Test(arguments: [
        ("/api/v1/loyalty/customers/alice", "/v1/customers/alice"),
        ("/api/v1/loyalty/customers/%61lice//", "/v1/customers/alice"),
        ("/api/v1/loyalty/customers/a%2Fb%20c?page=2", "/v1/customers/a%2Fb%20c?page=2"),
        (
            "/api/v1/loyalty/customers/za%c5%bc%C3%B3%C5%82%C4%87/history",
            "/v1/customers/za%C5%BC%C3%B3%C5%82%C4%87/history"
        ),
    ])
    func theServiceGets_TheCheckedRoute_WithItsParametersReencoded(publicTarget: String, serviceTarget: String) throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        gateway.upstream.behave { _ in .text("{}") }
        let response = try gateway.client.request(.get, publicTarget, token: GatewayHarness.adminKey)
        #expect(response.status == .ok)
        #expect(gateway.upstream.requests(startingWith: "/v1/customers").map(\.target) == [serviceTarget])
    }

    @Test func aServiceAnswerCutShort_Is502JSON_CountedAsAFailedCall() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        struct CutShort: Error {}
        gateway.upstream.behave { _ in
            HTTPResponse(
                body: .stream(
                    BodyStream(contentLength: 1000) { writer in
                        try writer.write(Array(repeating: UInt8(ascii: "x"), count: 10))
                        throw CutShort()
                    }))
        }
        let response = try gateway.client.request(.get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey)
        #expect(response.status == .badGateway)
        #expect(response.headers["Content-Type"] == "application/json")
        let metrics = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey).text
        #expect(metrics.contains("zaplecze_upstream_errors_total{service=\"loyalty\",kind=\"protocol\"} 1"))
        #expect(!metrics.contains("zaplecze_upstream_requests_total{service=\"loyalty\""))
    }

    @Test func metrics_HaveAnUpstreamLatencyHistogramPerService() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        for service in ["loyalty", "loyalty", "reviews"] {
            #expect(try gateway.client.request(.get, "/api/v1/\(service)/health").status == .ok)
        }
        let text = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey).text
        #expect(text.contains("zaplecze_upstream_request_duration_seconds_count{service=\"loyalty\"} 2"))
        #expect(text.contains("zaplecze_upstream_request_duration_seconds_count{service=\"reviews\"} 1"))
        #expect(text.contains("zaplecze_upstream_request_duration_seconds_bucket{service=\"loyalty\",le=\"+Inf\"} 2"))
        #expect(text.contains("zaplecze_upstream_request_duration_seconds_sum{service=\"reviews\"}"))
        #expect(text.contains("zaplecze_upstream_requests_total{service=\"loyalty\",status=\"200\"} 2"))
        #expect(text.contains("# TYPE zaplecze_upstream_request_duration_seconds histogram"))
        // Buckets are cumulative: each count is at most the next one's.
        let loyaltyBuckets = text.split(separator: "\n")
            .filter { $0.hasPrefix("zaplecze_upstream_request_duration_seconds_bucket{service=\"loyalty\"") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
        #expect(loyaltyBuckets.count == MetricsRegistry.buckets.count + 1)
        #expect(loyaltyBuckets == loyaltyBuckets.sorted())
    }

    @Test func ready_ListsEveryServiceWithItsStateAndVersion() throws {
        let closedPort = try FreePorts.one()
        let gateway = try GatewayHarness(serviceURLs: ["discounts": Upstream(host: "127.0.0.1", port: closedPort)])
        defer { gateway.stop() }
        gateway.upstream.behave { request in
            request.target == "/ready" ? try? .json(["status": "ready", "version": "9.9.9"]) : nil
        }
        let response = try gateway.client.request(.get, "/ready", token: GatewayHarness.adminKey)
        #expect(response.status == .serviceUnavailable)
        let report = try response.decode(SuiteReadiness.Report.self)
        #expect(report.status == "degraded")
        #expect(Set((report.services ?? [:]).keys) == Set(ServiceConfiguration.serviceNames))
        #expect(report.services?["loyalty"]?.status == "ready")
        #expect(report.services?["loyalty"]?.version == "9.9.9")
        #expect(report.services?["loyalty"]?.url == gateway.upstream.upstream.description)
        #expect(report.services?["discounts"]?.status == "unreachable")
    }

    @Test func body_OverTheDefaultMebibyte_Is413_BeforeAnyRouting() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 1024 * 1024 + 1)
        let response = try gateway.client.request(
            .put, "/api/v1/loyalty/status", token: GatewayHarness.adminKey, body: body)
        #expect(response.status == .payloadTooLarge)
    }
}
