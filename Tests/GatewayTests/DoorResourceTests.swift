import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// What a caller can make the gateway hold: a body it may not send, connections it does not use,
/// header fields it wants passed on; and who the caller is behind a trusted proxy.
@Suite struct DoorResourceTests {
    static let bulkHead =
        "POST /api/v1/loyalty/adjustments/bulk HTTP/1.1\r\nHost: door\r\nContent-Type: text/csv\r\n"

    @Test func anAnonymousBulkUpload_Gets401AtOnce_AndTheGatewayNeverWaitsForIts5MiB() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let connection = try RawConnection(port: gateway.app.port)
        try connection.send(Self.bulkHead + "Content-Length: 5242880\r\n\r\n" + String(repeating: "c,1\n", count: 256))
        let response = try connection.readResponse(timeout: .seconds(2))
        #expect(response.status == 401)
        #expect(response.closesConnection)
        #expect(gateway.upstream.requests(startingWith: "/v1/adjustments").isEmpty)
    }

    @Test func aCustomer_OnTheAdminsUploadRoute_Gets403BeforeTheBody() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let token = try gateway.token(for: "c-1")
        let connection = try RawConnection(port: gateway.app.port)
        try connection.send(Self.bulkHead + "Authorization: Bearer \(token)\r\nContent-Length: 5242880\r\n\r\n")
        let response = try connection.readResponse(timeout: .seconds(2))
        #expect(response.status == 403)
        #expect(response.closesConnection)
    }

    @Test func anAdmin_MaySendTheUploadRoutesLargeBody() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let response = try gateway.client.request(
            .post, "/api/v1/loyalty/adjustments/bulk", token: GatewayHarness.adminKey, body: body,
            contentType: "text/csv")
        #expect(response.status == .ok)
        #expect(gateway.upstream.requests(startingWith: "/v1/adjustments/bulk").first?.body.count == 3 << 20)
    }

    @Test func ninetyNineClientFields_AreNotPassedOn_SoTheServiceSeesASmallHead() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        var headers = HTTPHeaders()
        // With Host and Authorization the client sends 99 fields, one under the gateway's limit.
        for index in 0..<95 { headers.add(name: "X-Extra-\(index)", value: String(repeating: "v", count: 20)) }
        headers.add(name: "Idempotency-Key", value: "k-1")
        headers.add(name: "Cookie", value: "session=secret")
        let response = try gateway.client.request(
            .get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey, headers: headers)
        #expect(response.status == .ok)
        let seen = try #require(gateway.upstream.requests(startingWith: "/v1/status").last)
        #expect(seen.headers["X-Extra-0"] == nil)
        #expect(seen.headers["Cookie"] == nil)
        #expect(seen.headers["Idempotency-Key"] == "k-1")
        #expect(seen.headers.count < 15)
    }

    @Test func passedOnFieldsTooManyForAService_Get431FromTheGatewayItself() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        var headers = HTTPHeaders()
        for _ in 0..<95 { headers.add(name: "Accept", value: "application/json") }
        let response = try gateway.client.request(
            .get, "/api/v1/loyalty/status", token: GatewayHarness.adminKey, headers: headers)
        #expect(response.status == .headerFieldsTooLarge)
        #expect(response.text.contains("header_fields_too_large"))
        #expect(response.text.contains("Accept, Content-Type and Idempotency-Key"))
        #expect(gateway.upstream.requests(startingWith: "/v1/status").isEmpty)
    }

    @Test func behindATrustedProxy_PerAddressLimitsAndTheServiceSeeTheRealClient() throws {
        let gateway = try GatewayHarness(environment: [
            "ZAPLECZE_TRUSTED_PROXIES": "127.0.0.0/8, ::1",
            "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "0.001", "ZAPLECZE_RATE_ADDRESS_BURST": "2",
        ])
        defer { gateway.stop() }
        func call(forwardedFor: String) throws -> HTTPStatus {
            try gateway.client.request(
                .get, "/api/v1/loyalty/health", headers: ["X-Forwarded-For": forwardedFor]
            ).status
        }
        // The client's own claim (leftmost) is not believed; the address the proxy appended is.
        #expect(try call(forwardedFor: "10.9.9.9, 198.51.100.1") == .ok)
        #expect(try call(forwardedFor: "10.9.9.8, 198.51.100.1") == .ok)
        #expect(try call(forwardedFor: "10.9.9.7, 198.51.100.1") == .tooManyRequests)
        #expect(try call(forwardedFor: "198.51.100.2") == .ok)
        // Proxies in the chain are skipped.
        #expect(try call(forwardedFor: "198.51.100.3, 127.0.0.9") == .ok)
        let seen = gateway.upstream.requests(startingWith: "/v1/health").map { $0.headers["X-Forwarded-For"] }
        #expect(seen == ["198.51.100.1", "198.51.100.1", "198.51.100.2", "198.51.100.3"])
    }

    @Test func withoutTrustedProxies_XForwardedForIsIgnored() throws {
        let gateway = try GatewayHarness(environment: [
            "ZAPLECZE_RATE_ADDRESS_PER_SECOND": "0.001", "ZAPLECZE_RATE_ADDRESS_BURST": "2",
        ])
        defer { gateway.stop() }
        var statuses: [HTTPStatus] = []
        for index in 0..<3 {
            statuses.append(
                try gateway.client.request(
                    .get, "/api/v1/loyalty/health", headers: ["X-Forwarded-For": "198.51.100.\(index)"]
                ).status)
        }
        #expect(statuses == [.ok, .ok, .tooManyRequests])
        #expect(
            gateway.upstream.requests(startingWith: "/v1/health").allSatisfy {
                $0.headers["X-Forwarded-For"] == "127.0.0.1"
            })
    }

    @Test func oneAddress_GetsNoMoreConnectionsThanItsCap() throws {
        let gateway = try GatewayHarness(environment: ["ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS": "3"])
        defer { gateway.stop() }
        // Each held connection is answered once, so the server has taken all three before the
        // fourth arrives: its loops accept in turn, and without this the fourth could be counted
        // before the third.
        let held = try (0..<3).map { _ in
            let connection = try RawConnection(port: gateway.app.port, from: "127.0.0.2")
            try connection.send("GET /health HTTP/1.1\r\nHost: door\r\n\r\n")
            #expect(try connection.readResponse().status == 200)
            return connection
        }
        let extra = try RawConnection(port: gateway.app.port, from: "127.0.0.2")
        #expect(extra.waitForClose())
        let other = try RawConnection(port: gateway.app.port, from: "127.0.0.3")
        try other.send("GET /health HTTP/1.1\r\nHost: door\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        withExtendedLifetime(held) {}
    }

    @Test(arguments: [
        ["ZAPLECZE_TRUSTED_PROXIES": "10.0.0.0/33"], ["ZAPLECZE_TRUSTED_PROXIES": "proxy.example"],
        ["ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS": "-1"], ["ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS": "many"],
    ])
    func badConnectionSettings_AreConfigurationErrors(variables: [String: String]) {
        #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.parse(
                service: "gateway", arguments: [],
                environment: variables.merging(["ZAPLECZE_INTERNAL_SECRET": GatewayHarness.internalSecret]) { a, _ in a
                },
                defaultPort: 8080)
        }
    }
}

/// The request log names the client a trusted proxy forwarded for.
@Suite struct ForwardedClientLogTests {
    @Test func theRequestLog_NamesTheClientBehindATrustedProxy() throws {
        let lines = Locked<[String]>([])
        let router = Router(
            routes: RouteCollection().get("hello") { _, _ in .text("hello") },
            middleware: [
                ObservabilityMiddleware(
                    logger: Logger(
                        service: "gateway",
                        output: { bytes in
                            lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
                        }),
                    metrics: MetricsRegistry()),
                ForwardedClientMiddleware(trustedProxies: try AddressRanges(parsing: "10.0.0.0/8")),
            ])
        let request = HTTPRequest(
            method: .get, target: "/hello", headers: ["X-Forwarded-For": "203.0.113.9, 10.1.1.1"])
        _ = router.respond(to: request, connection: ConnectionInfo(remoteAddress: "10.0.0.2"))
        _ = router.respond(to: request, connection: ConnectionInfo(remoteAddress: "192.0.2.1"))
        let logged = lines.current
        #expect(logged.count == 2)
        #expect(logged.first?.contains("\"client\":\"203.0.113.9\"") == true)
        #expect(logged.last?.contains("\"client\":\"192.0.2.1\"") == true)
    }
}
