import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// `POST /api/v1/auth/customer-tokens` and what the tokens it mints may do, end to end.
@Suite struct CustomerTokenTests {
    @Test func storefrontKey_MintsAToken_ThatReachesOnlyThatCustomersData() throws {
        let clock = ManualClock()
        let gateway = try GatewayHarness(options: GatewayOptions(wall: clock.wall, monotonic: clock.monotonic))
        defer { gateway.stop() }
        let response = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "c-42"),
            token: GatewayHarness.storefrontKey
        )
        #expect(response.status == .created)
        let minted = try response.decode(CustomerToken.self)
        #expect(minted.expiresAt == Date(timeIntervalSince1970: TimeInterval(clock.unixSeconds + 3600)))
        // The wire form is RFC 3339 in UTC, whole seconds.
        #expect(response.text.contains("\"expiresAt\":\"2027-01-15T09:00:00Z\""))
        let health = try gateway.client.request(.get, "/api/v1/loyalty/health", token: minted.token)
        #expect(try health.decode(FakeUpstream.Echo.self).customerId == "c-42")
        let status = try gateway.client.request(.get, "/api/v1/loyalty/status", token: minted.token)
        #expect(status.status == .forbidden)
    }

    @Test func adminKey_MayMint_ButCustomersAndAnonymousMayNot() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let body = CustomerTokenRequest(customerId: "c-1")
        #expect(
            try gateway.client.json(.post, "/api/v1/auth/customer-tokens", body, token: GatewayHarness.adminKey).status
                == .created)
        let customerToken = try gateway.token(for: "c-1")
        #expect(
            try gateway.client.json(.post, "/api/v1/auth/customer-tokens", body, token: customerToken).status
                == .forbidden)
        #expect(try gateway.client.json(.post, "/api/v1/auth/customer-tokens", body).status == .unauthorized)
    }

    @Test(
        arguments: [
            ("", nil, "customerId"),
            (String(repeating: "x", count: 201), nil, "customerId"),
            ("\u{212A}evin", nil, "customerId"),
            ("c 1", nil, "customerId"),
            ("c-1", 86_401, "ttlSeconds"),
            ("c-1", 0, "ttlSeconds"),
            ("c-1", -5, "ttlSeconds"),
        ] as [(String, Int64?, String)])
    func badRequest_Is422NamingTheField(customerId: String, ttl: Int64?, field: String) throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let response = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens", UncheckedTokenRequest(customerId: customerId, ttlSeconds: ttl),
            token: GatewayHarness.storefrontKey
        )
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.details?["field"] == .string(field))
    }

    @Test func ttl_AtTheMaximum_IsAccepted_AndTheLongestIdEveryRouteTakes() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let longest = String(repeating: "z", count: CustomerIdKind.maxLength)
        let response = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens",
            CustomerTokenRequest(customerId: CustomerId(longest)!, ttlSeconds: 86_400),
            token: GatewayHarness.storefrontKey
        )
        #expect(response.status == .created)
        let token = try response.decode(CustomerToken.self).token
        let echo = try gateway.client.request(.get, "/api/v1/loyalty/health", token: token).decode(
            FakeUpstream.Echo.self)
        #expect(echo.customerId == longest)
        let tooLong = try gateway.client.json(
            .post, "/api/v1/auth/customer-tokens", UncheckedTokenRequest(customerId: longest + "a"),
            token: GatewayHarness.storefrontKey
        )
        #expect(tooLong.status == .unprocessableContent)
    }

    @Test func expiredToken_Is401_AtTheSecondItExpires() throws {
        let clock = ManualClock()
        let gateway = try GatewayHarness(options: GatewayOptions(wall: clock.wall, monotonic: clock.monotonic))
        defer { gateway.stop() }
        let token = try gateway.token(for: "c-7", ttlSeconds: 60)
        clock.advance(seconds: 59)
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/health", token: token).status == .ok)
        clock.advance(seconds: 1)
        let expired = try gateway.client.request(.get, "/api/v1/loyalty/health", token: token)
        #expect(expired.status == .unauthorized)
        #expect(expired.errorEnvelope?.error.message.contains("expired") == true)
        #expect(expired.headers["WWW-Authenticate"] == "Bearer")
    }

    @Test func tamperedToken_Is401() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let token = try gateway.token(for: "c-1")
        var fields = token.split(separator: ".").map(String.init)
        // Another customer in the token, old signature kept.
        fields[2] = Base64URL.encode(Array("c-2".utf8))
        let forged = fields.joined(separator: ".")
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/health", token: forged).status == .unauthorized)
        let flipped = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/health", token: flipped).status == .unauthorized)
        #expect(
            try gateway.client.request(.get, "/api/v1/loyalty/health", token: "not-a-key-at-all").status
                == .unauthorized)
    }

    @Test func rotation_OldKeysTokens_VerifyWhileListedAsPrevious_AndNotAfterwards() throws {
        let oldSecret = "old-token-secret-0123456789"
        let newSecret = "new-token-secret-0123456789"
        let before = try GatewayHarness(environment: ["ZAPLECZE_TOKEN_SECRET": oldSecret])
        let oldToken: String
        do {
            defer { before.stop() }
            oldToken = try before.token(for: "c-9")
        }
        let during = try GatewayHarness(environment: [
            "ZAPLECZE_TOKEN_SECRET": newSecret, "ZAPLECZE_TOKEN_PREVIOUS_SECRETS": oldSecret,
        ])
        do {
            defer { during.stop() }
            #expect(try during.client.request(.get, "/api/v1/loyalty/health", token: oldToken).status == .ok)
            let newToken = try during.token(for: "c-9")
            #expect(try during.client.request(.get, "/api/v1/loyalty/health", token: newToken).status == .ok)
        }
        let after = try GatewayHarness(environment: ["ZAPLECZE_TOKEN_SECRET": newSecret])
        defer { after.stop() }
        #expect(try after.client.request(.get, "/api/v1/loyalty/health", token: oldToken).status == .unauthorized)
    }
}

/// A token request body with any text as the customer id, for sending ids the contract refuses.
struct UncheckedTokenRequest: Encodable {
    var customerId: String
    var ttlSeconds: Int64?
}
