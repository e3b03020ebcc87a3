import Foundation
import GatewayCore
import HTTP
import ServiceKit
import Testing

/// Browser calls: only configured origins may send credentials or read answers.
@Suite struct CORSTests {
    static let shop = "https://sklep.example.pl"

    static func gateway() throws -> GatewayHarness {
        try GatewayHarness(environment: ["ZAPLECZE_CORS_ORIGINS": "\(shop), http://localhost:3000"])
    }

    @Test func preflightFromAnAllowedOrigin_Is204WithMethodsHeadersAndMaxAge() throws {
        let gateway = try Self.gateway()
        defer { gateway.stop() }
        let response = try gateway.client.request(
            .options, "/api/v1/loyalty/customers/c-1",
            headers: [
                "Origin": Self.shop, "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "authorization",
            ])
        #expect(response.status == .noContent)
        #expect(response.headers["Access-Control-Allow-Origin"] == Self.shop)
        #expect(response.headers["Access-Control-Allow-Methods"]?.contains("PUT") == true)
        #expect(response.headers["Access-Control-Allow-Headers"]?.contains("Authorization") == true)
        #expect(response.headers["Access-Control-Max-Age"] == "600")
        #expect(response.headers.values("Vary").contains("Origin"))
        #expect(gateway.upstream.requests.isEmpty)
    }

    @Test func preflightFromAnotherOrigin_Is403() throws {
        let gateway = try Self.gateway()
        defer { gateway.stop() }
        let response = try gateway.client.request(
            .options, "/api/v1/openapi.json",
            headers: [
                "Origin": "https://evil.example", "Access-Control-Request-Method": "GET",
            ])
        #expect(response.status == .forbidden)
        #expect(response.errorEnvelope?.error.code == "origin_not_allowed")
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func callFromAnAllowedOrigin_EchoesTheOrigin_EvenOnErrors() throws {
        let gateway = try Self.gateway()
        defer { gateway.stop() }
        let token = try gateway.token(for: "c-1")
        let ok = try gateway.client.request(
            .get, "/api/v1/loyalty/health", token: token, headers: ["Origin": "HTTP://LOCALHOST:3000"])
        #expect(ok.status == .ok)
        #expect(ok.headers["Access-Control-Allow-Origin"] == "HTTP://LOCALHOST:3000")
        #expect(ok.headers["Access-Control-Expose-Headers"]?.contains("X-Request-Id") == true)
        let refused = try gateway.client.request(
            .get, "/api/v1/loyalty/status", token: token, headers: ["Origin": Self.shop])
        #expect(refused.status == .forbidden)
        #expect(refused.headers["Access-Control-Allow-Origin"] == Self.shop)
    }

    @Test func credentialsFromAnotherOrigin_AreRefused_ButPublicReadsGoOnWithoutTheHeader() throws {
        let gateway = try Self.gateway()
        defer { gateway.stop() }
        let token = try gateway.token(for: "c-1")
        let withToken = try gateway.client.request(
            .get, "/api/v1/loyalty/health", token: token, headers: ["Origin": "https://evil.example"])
        #expect(withToken.status == .forbidden)
        #expect(withToken.errorEnvelope?.error.code == "origin_not_allowed")
        let anonymous = try gateway.client.request(
            .get, "/api/v1/loyalty/health", headers: ["Origin": "https://evil.example"])
        #expect(anonymous.status == .ok)
        #expect(anonymous.headers["Access-Control-Allow-Origin"] == nil)
        #expect(anonymous.headers.values("Vary").contains("Origin"))
    }

    @Test func serverToServerCalls_WithoutOrigin_AreUnaffected() throws {
        let gateway = try Self.gateway()
        defer { gateway.stop() }
        let response = try gateway.client.request(.get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey)
        #expect(response.status == .ok)
        #expect(response.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test func originList_RefusesWildcardsAndPaths() throws {
        #expect(throws: ConfigurationError.self) { try CORSPolicy(list: "*") }
        #expect(throws: ConfigurationError.self) { try CORSPolicy(list: "https://shop.example/path") }
        #expect(throws: ConfigurationError.self) { try CORSPolicy(list: "shop.example") }
        #expect(
            try CORSPolicy(list: " https://a.example , http://b.example:8080 ,").origins == [
                "https://a.example", "http://b.example:8080",
            ])
    }
}
