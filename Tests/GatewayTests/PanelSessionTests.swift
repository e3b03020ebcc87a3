import Contract
import Foundation
import GatewayCore
import HTTP
import TestSupport
import Testing

/// The panel's sign-in: an admin key exchanged for a cookie session, the CSRF token every
/// state-changing call must repeat, expiry and sign-out on the server.
@Suite struct PanelSessionTests {
    /// A signed-in panel: its cookie header and CSRF token.
    struct SignedIn {
        let cookie: String
        let csrfToken: String
        let setCookie: String
    }

    static func signIn(_ gateway: GatewayHarness, headers: HTTPHeaders = [:]) throws -> SignedIn {
        let response = try gateway.client.json(
            .post, "/api/v1/auth/sessions", AdminSessionRequest(key: GatewayHarness.adminKey), headers: headers)
        #expect(response.status == .created, "\(response.text)")
        let setCookie = try #require(response.headers["Set-Cookie"])
        let pair = try #require(setCookie.split(separator: ";").first)
        let session = try response.decode(AdminSession.self)
        #expect(session.admin == "tester")
        return SignedIn(cookie: String(pair), csrfToken: session.csrfToken, setCookie: setCookie)
    }

    @Test func cookie_IsHttpOnly_SameSiteStrict_WithAnExpiry_AndSecureOnlyBehindTLS() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let plain = try Self.signIn(gateway)
        for attribute in ["HttpOnly", "SameSite=Strict", "Max-Age=28800", "Path=/"] {
            #expect(plain.setCookie.contains(attribute), "\(plain.setCookie)")
        }
        #expect(!plain.setCookie.contains("Secure"))
        let proxied = try Self.signIn(gateway, headers: ["X-Forwarded-Proto": "https"])
        #expect(proxied.setCookie.hasSuffix("; Secure"))
        #expect(!proxied.setCookie.contains(GatewayHarness.adminKey))
    }

    @Test func secureCookieSetting_True_MarksEveryCookieSecure() throws {
        let gateway = try GatewayHarness(environment: ["ZAPLECZE_SESSION_COOKIE_SECURE": "true"])
        defer { gateway.stop() }
        #expect(try Self.signIn(gateway).setCookie.hasSuffix("; Secure"))
    }

    @Test func sessionCookie_WithoutTheCSRFToken_ChangesNothing_AndWithIt_CallsAsTheAdmin() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let session = try Self.signIn(gateway)
        let body = Array("{}".utf8)
        for token in [nil, "", "wrong-token"] {
            var headers: HTTPHeaders = ["Cookie": session.cookie]
            if let token { headers.add(name: "X-CSRF-Token", value: token) }
            for (method, path) in [
                (HTTPMethod.put, "/api/v1/loyalty/program"), (.post, "/api/v1/loyalty/customers/c-1/adjustments"),
                (.delete, "/api/v1/loyalty/rules/1"), (.delete, "/api/v1/auth/sessions/current"),
            ] {
                let refused = try gateway.client.request(
                    method, path, body: method == .delete ? [] : body, headers: headers)
                #expect(refused.status == .forbidden, "\(method) \(path) \(token ?? "none")")
                #expect(refused.errorEnvelope?.error.code == "csrf_token_invalid")
            }
        }
        #expect(gateway.upstream.requests(startingWith: "/v1/").isEmpty)

        // Reads need no token; a change with it reaches the service as the key's admin.
        let read = try gateway.client.request(.get, "/api/v1/loyalty/rules", headers: ["Cookie": session.cookie])
        #expect(try read.decode(FakeUpstream.Echo.self).role == "admin")
        let change = try gateway.client.request(
            .put, "/api/v1/loyalty/program", body: body,
            headers: ["Cookie": session.cookie, "X-CSRF-Token": session.csrfToken])
        let echo = try change.decode(FakeUpstream.Echo.self)
        #expect(echo.role == "admin")
        #expect(echo.actor == "tester")
        // The session's credentials stop at the gateway.
        for received in gateway.upstream.requests(startingWith: "/v1/") {
            #expect(received.headers["Cookie"] == nil && received.headers["X-CSRF-Token"] == nil)
        }
    }

    @Test func sessionCookie_SentByAnotherOriginOfTheSite_IsNobody() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let session = try Self.signIn(gateway)
        for site in ["same-site", "cross-site"] {
            let refused = try gateway.client.request(
                .get, "/api/v1/loyalty/rules", headers: ["Cookie": session.cookie, "Sec-Fetch-Site": site])
            #expect(refused.status == .unauthorized, "\(site)")
        }
        let own = try gateway.client.request(
            .get, "/api/v1/loyalty/rules", headers: ["Cookie": session.cookie, "Sec-Fetch-Site": "same-origin"])
        #expect(own.status == .ok)
    }

    @Test func signOut_EndsTheSessionOnTheServer() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let session = try Self.signIn(gateway)
        let headers: HTTPHeaders = ["Cookie": session.cookie, "X-CSRF-Token": session.csrfToken]
        let current = try gateway.client.request(.get, "/api/v1/auth/sessions/current", headers: headers)
        #expect(try current.decode(AdminSession.self).csrfToken == session.csrfToken)
        let out = try gateway.client.request(.delete, "/api/v1/auth/sessions/current", headers: headers)
        #expect(out.status == .noContent)
        #expect(out.headers["Set-Cookie"]?.contains("Max-Age=0") == true)
        // The same cookie replayed is nobody.
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/rules", headers: headers).status == .unauthorized)
        #expect(
            try gateway.client.request(.get, "/api/v1/auth/sessions/current", headers: headers).status == .unauthorized)
    }

    @Test func session_Expires_AfterItsLifetime() throws {
        let clock = ManualClock()
        let gateway = try GatewayHarness(
            environment: ["ZAPLECZE_SESSION_TTL_SECONDS": "600"],
            options: GatewayOptions(wall: clock.wall, monotonic: clock.monotonic))
        defer { gateway.stop() }
        let session = try Self.signIn(gateway)
        #expect(session.setCookie.contains("Max-Age=600"))
        clock.advance(seconds: 599)
        let headers: HTTPHeaders = ["Cookie": session.cookie]
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/rules", headers: headers).status == .ok)
        clock.advance(seconds: 1)
        #expect(try gateway.client.request(.get, "/api/v1/loyalty/rules", headers: headers).status == .unauthorized)
    }

    @Test func signIn_TakesOnlyAnAdminKey_AndSlowsFailures_ButNeverAValidKey() throws {
        let gateway = try GatewayHarness(environment: [
            "ZAPLECZE_RATE_FAILED_AUTH_PER_MINUTE": "2", "ZAPLECZE_RATE_FAILED_AUTH_BURST": "2",
        ])
        defer { gateway.stop() }
        for key in [GatewayHarness.storefrontKey, "not-a-key-0123456789"] {
            let refused = try gateway.client.json(.post, "/api/v1/auth/sessions", AdminSessionRequest(key: key))
            #expect(refused.status == .unauthorized)
            #expect(refused.headers["Set-Cookie"] == nil)
        }
        let limited = try gateway.client.json(
            .post, "/api/v1/auth/sessions", AdminSessionRequest(key: "not-a-key-9876543210"))
        #expect(limited.status == .tooManyRequests)
        // Others' failures from the same address never lock out the admin's own key.
        let admitted = try gateway.client.json(
            .post, "/api/v1/auth/sessions", AdminSessionRequest(key: GatewayHarness.adminKey))
        #expect(admitted.status == .created)
        // A form post from another site cannot sign anyone in: the body must be JSON.
        let form = try gateway.client.request(
            .post, "/api/v1/auth/sessions", body: Array("key=x".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(form.status == .unsupportedMediaType || form.status == .tooManyRequests)
    }

    @Test func badSessionSettings_StopTheGateway() throws {
        for environment in [["ZAPLECZE_SESSION_TTL_SECONDS": "5"], ["ZAPLECZE_SESSION_COOKIE_SECURE": "maybe"]] {
            #expect(throws: (any Error).self) { try SessionSettings.from(environment: environment) }
        }
    }
}
