import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import GatewayCore

/// The gateway's sign-in and token minting as use cases, without a request around them: what
/// they decide (the key, the failure limit, the lifetime and its arithmetic) by the clock given.
@Suite struct GatewayUseCaseTests {
    static func keys() throws -> GatewayKeys {
        try GatewayKeys.from(environment: GatewayHarness.baseEnvironment)
    }

    @Test func signIn_OpensASessionUntilItsLifetimeEnds_AndLimitsFailuresPerAddress() throws {
        let clock = ManualClock()
        let sessions = AdminSessions(clock: clock.wall)
        let signIn = PanelSignIn(
            authenticator: Authenticator(keys: try Self.keys(), clock: clock.wall, sessions: sessions),
            sessions: sessions, ttlSeconds: 600,
            failures: TokenBucketLimiter(rule: .init(perSecond: 0.001, burst: 1), clock: clock.monotonic),
            clock: clock.wall)

        let (id, session) = try signIn.signIn(key: "  \(GatewayHarness.adminKey) ", from: "10.0.0.1")
        #expect(session.admin == "tester" && session.expiresAt == clock.unixSeconds + 600)
        #expect(sessions.find(id) == session)

        let wrong = try #require(throws: HTTPError.self) { try signIn.signIn(key: "nope", from: "10.0.0.2") }
        #expect(wrong.status == .unauthorized && wrong.code == "unauthorized")
        let limited = try #require(throws: HTTPError.self) { try signIn.signIn(key: "nope", from: "10.0.0.2") }
        #expect(limited.status == .tooManyRequests)
        // A valid key is never held back by the address's failures.
        #expect(try signIn.signIn(key: GatewayHarness.adminKey, from: "10.0.0.2").session.admin == "tester")
    }

    @Test func minting_DatesTheTokenByTheClock_AndRefusesALifetimeOutOfRange() throws {
        let clock = ManualClock()
        let keys = try Self.keys()
        let minting = CustomerTokenMinting(signer: keys.signer, minting: nil, clock: clock.wall)

        let token = try minting.mint(CustomerTokenRequest(customerId: "c-7", ttlSeconds: 120))
        #expect(token.expiresAt == Date(timeIntervalSince1970: TimeInterval(clock.unixSeconds + 120)))
        let claims = try keys.signer.verify(token.token, now: clock.unixSeconds)
        #expect(claims.subject == "c-7" && claims.expiresAt == clock.unixSeconds + 120)

        for ttl: Int64 in [0, CustomerTokenRequest.maxTTLSeconds + 1] {
            let refused = try #require(throws: HTTPError.self) {
                try minting.mint(CustomerTokenRequest(customerId: "c-7", ttlSeconds: ttl))
            }
            #expect(refused.status == .unprocessableContent && refused.code == "invalid_token_request")
        }
    }
}
