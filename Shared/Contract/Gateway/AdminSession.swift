import FoundationEssentials
import Glibc

/// `POST /api/v1/auth/sessions`: the admin key the back-office panel exchanges for a session.
public struct AdminSessionRequest: Codable, Sendable, Hashable {
    /// An admin API key; never kept by the browser after this call.
    public var key: String

    /// Creates the request.
    public init(key: String) {
        self.key = key
    }
}

/// A panel session as its page sees it: who is signed in, the token every state-changing call
/// repeats in `X-CSRF-Token`, and when the session ends. The session id itself travels only in
/// the `HttpOnly` cookie.
public struct AdminSession: Codable, Sendable, Hashable {
    /// The label of the admin key (the admin's name in histories).
    public var admin: String
    public var csrfToken: String
    public var expiresAt: Date

    /// Creates the answer.
    public init(admin: String, csrfToken: String, expiresAt: Date) {
        self.admin = admin
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
