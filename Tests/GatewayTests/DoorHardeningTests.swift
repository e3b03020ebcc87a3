import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// What reaches a service is exactly the route the access table checked; the gateway exposes no
/// internal API of its own; only its own /health escapes the limits.
@Suite struct DoorHardeningTests {
    @Test func theServiceIsAskedForTheCheckedRoute_HoweverTheTargetWasSpelled() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let spellings = [
            "/api/v1/loyalty/customers/c%2D1",
            "//api/v1/loyalty//customers/c-1",
            "http://shop.example/api/v1/loyalty/customers/c-1",
        ]
        for target in spellings {
            let response = try gateway.client.request(.get, target, token: GatewayHarness.adminKey)
            #expect(response.status == .ok, "\(target): \(response.text)")
            #expect(try response.decode(FakeUpstream.Echo.self).target == "/v1/customers/c-1", "\(target)")
        }
        let query = try gateway.client.request(
            .get, "/api/v1/loyalty/customers/c-1/history?limit=5", token: GatewayHarness.adminKey)
        #expect(try query.decode(FakeUpstream.Echo.self).target == "/v1/customers/c-1/history?limit=5")
    }

    @Test func theGateway_ServesNoInternalAPI() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        for path in ["/v1/status", "/v1/health"] {
            let response = try gateway.client.request(
                .get, path, headers: ["X-Zaplecze-Internal": GatewayHarness.internalSecret, "X-Zaplecze-Role": "admin"]
            )
            #expect(response.status == .notFound, "\(path)")
        }
    }

    @Test func onlyTheGatewaysOwnHealth_IsNeverThrottled() throws {
        let gateway = try GatewayHarness(environment: [
            "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "1", "ZAPLECZE_RATE_ADDRESS_BURST": "2",
        ])
        defer { gateway.stop() }
        for _ in 0..<10 { #expect(try gateway.client.request(.get, "/health").status == .ok) }
        let statuses = try (0..<6).map { _ in try gateway.client.request(.get, "/api/v1/loyalty/health").status.code }
        #expect(statuses.contains(429), "\(statuses)")
    }
}
