import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// The gateway is public: its metrics and the details of its readiness (service addresses,
/// versions, traffic) are for admin keys and the addresses in `ZAPLECZE_METRICS_ALLOW`; anyone
/// else reads only whether the suite is ready.
@Suite struct ObserverAccessTests {
    @Test func anonymousCaller_GetsA401ForMetrics_AndOnlyTheStatusFromReady() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        gateway.upstream.behave { request in
            request.target == "/ready" ? try? .json(["status": "ready", "version": "9.9.9"]) : nil
        }
        let metrics = try gateway.client.request(.get, "/metrics")
        #expect(metrics.status == .unauthorized)
        #expect(!metrics.text.contains("zaplecze_"))

        let ready = try gateway.client.request(.get, "/ready")
        #expect(ready.status == .ok)
        #expect(try ready.decode([String: String].self) == ["status": "ready"])
    }

    @Test func storefrontKey_GetsA403ForMetrics() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let metrics = try gateway.client.request(.get, "/metrics", token: GatewayHarness.storefrontKey)
        #expect(metrics.status == .forbidden)
    }

    @Test func adminKey_GetsMetricsAndTheDetailedReport() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        gateway.upstream.behave { request in
            request.target == "/ready" ? try? .json(["status": "ready", "version": "9.9.9"]) : nil
        }
        let metrics = try gateway.client.request(.get, "/metrics", token: GatewayHarness.adminKey)
        #expect(metrics.status == .ok)
        #expect(metrics.text.contains("zaplecze_http_requests_total"))
        let ready = try gateway.client.request(.get, "/ready", token: GatewayHarness.adminKey)
        let report = try ready.decode(SuiteReadiness.Report.self)
        #expect(report.services?["loyalty"]?.version == "9.9.9")
    }

    @Test func anAddressInTheAllowList_GetsMetricsWithoutAKey() throws {
        let gateway = try GatewayHarness(environment: [ObserverPolicy.allowVariable: "10.0.0.0/8, 127.0.0.1"])
        defer { gateway.stop() }
        let metrics = try gateway.client.request(.get, "/metrics")
        #expect(metrics.status == .ok)
        #expect(metrics.text.contains("zaplecze_http_requests_total"))
    }

    @Test func anAllowListWithoutTheCaller_LeavesItOut() throws {
        let gateway = try GatewayHarness(environment: [ObserverPolicy.allowVariable: "10.0.0.0/8"])
        defer { gateway.stop() }
        #expect(try gateway.client.request(.get, "/metrics").status == .unauthorized)
    }

    @Test func aMalformedAllowList_StopsTheGateway_NamingTheVariable() {
        #expect(throws: ConfigurationError.self) {
            let gateway = try GatewayHarness(environment: [ObserverPolicy.allowVariable: "10.0.0.0/33"])
            gateway.stop()
        }
    }

    @Test func allowedAddresses_MatchByPrefix_InBothFamilies() throws {
        let blocks = try AddressRanges(parsing: "10.1.0.0/16, 127.0.0.1, fd00::/8")
        #expect(blocks.contains("10.1.200.3"))
        #expect(!blocks.contains("10.2.0.1"))
        #expect(blocks.contains("::ffff:10.1.0.9"))
        #expect(blocks.contains("127.0.0.1"))
        #expect(!blocks.contains("127.0.0.2"))
        #expect(blocks.contains("fd12::1"))
        #expect(!blocks.contains("fe80::1"))
        #expect(try AddressRanges(parsing: "0.0.0.0/0").contains("203.0.113.9"))
        for bad in ["10.0.0.0/33", "example.com", "10.0.0.0/"] {
            #expect(throws: AddressRangesError.self) { try AddressRanges(parsing: bad) }
        }
    }
}
