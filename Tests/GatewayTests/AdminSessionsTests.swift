import Foundation
import GatewayCore
import HTTP
import Primitives
import TestSupport
import Testing

/// The panel's session store and cookie, without a server.
@Suite struct AdminSessionsTests {
    @Test func aFullStore_DropsTheSessionEndingSoonest_AndExpiredOnesGoFirst() {
        let clock = ManualClock()
        let sessions = AdminSessions(capacity: 2, clock: clock.wall)
        let early = sessions.open(admin: "a", expiresAt: clock.unixSeconds + 100)
        let late = sessions.open(admin: "b", expiresAt: clock.unixSeconds + 300)
        let third = sessions.open(admin: "c", expiresAt: clock.unixSeconds + 200)
        #expect(sessions.find(early.id) == nil)
        #expect(sessions.find(late.id)?.admin == "b")
        #expect(sessions.find(third.id)?.admin == "c")
        #expect(sessions.count == 2)
        clock.advance(seconds: 200)
        #expect(sessions.find(third.id) == nil)
        let fourth = sessions.open(admin: "d", expiresAt: clock.unixSeconds + 10)
        #expect(sessions.find(late.id) != nil && sessions.find(fourth.id) != nil)
        #expect(sessions.close(fourth.id))
        #expect(!sessions.close(fourth.id))
    }

    @Test func sessionIdsAndTokens_AreRandomAndDistinct() {
        let sessions = AdminSessions(clock: WallClock { 0 })
        let opened = (0..<50).map { _ in sessions.open(admin: "a", expiresAt: 100) }
        let values = opened.flatMap { [$0.id, $0.session.csrfToken] }
        #expect(Set(values).count == 100)
        #expect(values.allSatisfy { $0.utf8.count == 43 })
    }

    @Test func cookieValue_IsFoundAmongOthers_InAnyCookieField() {
        let headers: HTTPHeaders = [
            "Cookie": "theme=dark; zaplecze_session_old=x",
            "Cookie": "a=1;  zaplecze_session=abc ; b=2",
        ]
        #expect(SessionCookie.value(in: headers) == "abc")
        #expect(SessionCookie.value(in: ["Cookie": "zaplecze_session="]) == nil)
        #expect(SessionCookie.value(in: [:]) == nil)
    }
}
