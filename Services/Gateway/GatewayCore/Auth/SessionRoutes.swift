import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The back-office panel's sign-in: `POST /api/v1/auth/sessions {key}` exchanges an admin key
/// for a session cookie and a CSRF token, `GET /api/v1/auth/sessions/current` tells the page who
/// is signed in (and the token again, after a reload), `DELETE /api/v1/auth/sessions/current`
/// signs out on the server. The cookie then stands for the key on every route the key could call.
public struct SessionRoutes: Sendable {
    let sessions: AdminSessions
    let settings: SessionSettings
    /// Who may sign in, and for how long.
    let signIn: PanelSignIn

    /// Signs in against `authenticator`'s admin keys into `sessions`.
    public init(
        authenticator: Authenticator, sessions: AdminSessions, settings: SessionSettings,
        failures: TokenBucketLimiter?, clock: WallClock
    ) {
        self.sessions = sessions
        self.settings = settings
        signIn = PanelSignIn(
            authenticator: authenticator, sessions: sessions, ttlSeconds: settings.ttlSeconds, failures: failures,
            clock: clock)
    }

    /// 201 with the session and its cookie; 401 for anything but an admin key.
    public func create(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        let body = try request.decode(AdminSessionRequest.self)
        let (id, session) = try signIn.signIn(key: body.key, from: context.remoteAddress)
        var response = try HTTPResponse.json(view(session), status: .created)
        response.headers.add(
            name: "Set-Cookie",
            value: SessionCookie.set(id, maxAge: settings.ttlSeconds, secure: settings.secure(for: request.headers)))
        return response
    }

    /// The caller's session; 404 when the caller is an admin by key rather than by cookie.
    public func current(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        guard let id = SessionCookie.value(in: request.headers), let session = sessions.find(id) else {
            throw HTTPError.notFound("This call carries no panel session.", code: "no_session")
        }
        return try .json(view(session))
    }

    /// Ends the caller's session on the server and clears the cookie.
    public func delete(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        guard let id = SessionCookie.value(in: request.headers), sessions.close(id) else {
            throw HTTPError.notFound("This call carries no panel session.", code: "no_session")
        }
        return HTTPResponse(
            status: .noContent,
            headers: ["Set-Cookie": SessionCookie.clear(secure: settings.secure(for: request.headers))])
    }

    private func view(_ session: AdminSessions.Session) -> AdminSession {
        AdminSession(
            admin: session.admin, csrfToken: session.csrfToken,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(session.expiresAt)))
    }
}
