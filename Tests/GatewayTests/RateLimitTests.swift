import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// Rate limits at the door: 429 with Retry-After and the envelope, by address, customer, failed
/// authentication and token minting; API keys and liveness probes untouched.
@Suite struct RateLimitTests {
    static func gateway(_ variables: [String: String], clock: ManualClock) throws -> GatewayHarness {
        try GatewayHarness(
            environment: variables, options: GatewayOptions(wall: clock.wall, monotonic: clock.monotonic))
    }

    @Test func anonymousCalls_BeyondTheAddressBurst_Get429WithRetryAfterAndTheEnvelope() throws {
        let clock = ManualClock()
        let gateway = try Self.gateway(
            ["ZAPLECZE_RATE_ADDRESS_PER_SECOND": "1", "ZAPLECZE_RATE_ADDRESS_BURST": "3"], clock: clock)
        defer { gateway.stop() }
        for _ in 0..<3 { #expect(try gateway.client.request(.get, "/api/v1/openapi.json").status == .ok) }
        let refused = try gateway.client.request(.get, "/api/v1/openapi.json")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Retry-After"] == "1")
        #expect(refused.errorEnvelope?.error.code == "rate_limited")
        #expect(refused.errorEnvelope?.requestId == refused.headers["X-Request-Id"])
        clock.advance(seconds: 1)
        #expect(try gateway.client.request(.get, "/api/v1/openapi.json").status == .ok)
    }

    @Test func theGatewaysOwnLivenessProbe_IsNeverThrottled() throws {
        let clock = ManualClock()
        let gateway = try Self.gateway(
            ["ZAPLECZE_RATE_ADDRESS_PER_SECOND": "1", "ZAPLECZE_RATE_ADDRESS_BURST": "1"], clock: clock)
        defer { gateway.stop() }
        for _ in 0..<20 {
            #expect(try gateway.client.request(.get, "/health").status == .ok)
        }
    }

    @Test func customerCalls_AreLimitedPerCustomer() throws {
        let clock = ManualClock()
        let gateway = try Self.gateway(
            ["ZAPLECZE_RATE_CUSTOMER_PER_SECOND": "1", "ZAPLECZE_RATE_CUSTOMER_BURST": "2"], clock: clock)
        defer { gateway.stop() }
        let first = try gateway.token(for: "c-1")
        let second = try gateway.token(for: "c-2")
        for _ in 0..<2 { #expect(try gateway.client.request(.get, "/api/v1/openapi.json", token: first).status == .ok) }
        #expect(try gateway.client.request(.get, "/api/v1/openapi.json", token: first).status == .tooManyRequests)
        #expect(try gateway.client.request(.get, "/api/v1/openapi.json", token: second).status == .ok)
    }

    @Test func failedAuthentication_IsLimitedPerAddress_ButNeverRefusesAValidKey() throws {
        let clock = ManualClock()
        let gateway = try Self.gateway(
            ["ZAPLECZE_RATE_FAILED_AUTH_PER_MINUTE": "10", "ZAPLECZE_RATE_FAILED_AUTH_BURST": "10"], clock: clock)
        defer { gateway.stop() }
        for attempt in 0..<10 {
            #expect(
                try gateway.client.request(.get, "/api/v1/openapi.json", token: "guess-\(attempt)-0123456789").status
                    == .unauthorized)
        }
        let locked = try gateway.client.request(.get, "/api/v1/openapi.json", token: "guess-x-0123456789")
        #expect(locked.status == .tooManyRequests)
        #expect(locked.headers["Retry-After"] == "6")
        // The shop's own key from the same address (a proxy, a NAT) is not locked out by others.
        #expect(try gateway.client.request(.get, "/api/v1/openapi.json", token: GatewayHarness.adminKey).status == .ok)
        #expect(
            try gateway.client.request(.get, "/api/v1/openapi.json", token: GatewayHarness.storefrontKey).status == .ok)
        // Further failed attempts stay slowed down; calls without credentials are not part of it.
        #expect(
            try gateway.client.request(.get, "/api/v1/openapi.json", token: "guess-y-0123456789").status
                == .tooManyRequests)
        #expect(try gateway.client.request(.get, "/api/v1/openapi.json").status == .ok)
        clock.advance(seconds: 6)
        #expect(
            try gateway.client.request(.get, "/api/v1/openapi.json", token: "guess-z-0123456789").status
                == .unauthorized)
    }

    @Test func tokenMinting_IsLimitedPerCustomer() throws {
        let clock = ManualClock()
        let gateway = try Self.gateway(
            ["ZAPLECZE_RATE_TOKEN_MINT_PER_MINUTE": "2", "ZAPLECZE_RATE_TOKEN_MINT_BURST": "2"], clock: clock)
        defer { gateway.stop() }
        _ = try gateway.token(for: "c-1")
        _ = try gateway.token(for: "c-1")
        let refused = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "c-1"),
            token: GatewayHarness.storefrontKey
        )
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Retry-After"] == "30")
        _ = try gateway.token(for: "c-2")
    }

    @Test func apiKeys_AreNotThrottledByDefault() throws {
        #expect(try GatewayLimits.from(environment: [:]).apiKey == nil)
        let clock = ManualClock()
        // Default limits: only the API-key limit matters here, and there is none.
        let gateway = try Self.gateway(
            [
                "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "50", "ZAPLECZE_RATE_CUSTOMER_PER_SECOND": "20",
            ], clock: clock)
        defer { gateway.stop() }
        for _ in 0..<500 {
            #expect(
                try gateway.client.request(.get, "/api/v1/openapi.json", token: GatewayHarness.storefrontKey).status
                    == .ok)
        }
    }

    @Test func limits_HaveDocumentedDefaults_AndReadTheirVariables() throws {
        let defaults = try GatewayLimits.from(environment: [:])
        #expect(defaults == GatewayLimits())
        #expect(defaults.address == .init(perSecond: 50, burst: 100))
        #expect(defaults.failedAuthentication == .perMinute(10, burst: 10))
        let custom = try GatewayLimits.from(environment: [
            "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "0", "ZAPLECZE_RATE_TOKEN_MINT_PER_MINUTE": "30",
            "ZAPLECZE_RATE_KEY_PER_SECOND": "20000", "ZAPLECZE_RATE_MAX_KEYS": "500",
        ])
        #expect(custom.address == nil)
        #expect(custom.tokenMinting == .perMinute(30, burst: 10))
        #expect(custom.apiKey == .init(perSecond: 20_000, burst: 20_000))
        #expect(custom.maxKeys == 500)
    }

    @Test(arguments: [
        ["ZAPLECZE_RATE_KEY_PER_SECOND": "500"],
        ["ZAPLECZE_RATE_ADDRESS_PER_SECOND": "fast"],
        ["ZAPLECZE_RATE_ADDRESS_BURST": "0"],
        ["ZAPLECZE_RATE_CUSTOMER_PER_SECOND": "-1"],
        ["ZAPLECZE_RATE_MAX_KEYS": "0"],
    ])
    func badLimit_IsAConfigurationError(variables: [String: String]) {
        #expect(throws: ConfigurationError.self) { try GatewayLimits.from(environment: variables) }
    }
}
