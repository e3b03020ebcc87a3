import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// Turns `Authorization: Bearer …` into a principal: an admin or storefront API key (compared in
/// constant time, every key checked so timing tells nothing about which matched), or a signed,
/// unexpired customer token. Without the header, the admin panel's session cookie names an admin
/// (a state-changing call must then repeat the session's CSRF token, else 403). Neither is the
/// anonymous caller; a bad credential is a 401, an unknown or expired session cookie anonymous.
public struct Authenticator: Sendable {
    let keys: GatewayKeys
    let clock: WallClock
    let sessions: AdminSessions?

    public init(
        keys: GatewayKeys, clock: WallClock = .system,
        sessions: AdminSessions? = nil
    ) {
        self.keys = keys
        self.clock = clock
        self.sessions = sessions
    }

    /// The caller of `request`.
    public func principal(for request: HTTPRequest) throws(HTTPError) -> Principal {
        try principal(for: request.head)
    }

    /// The caller whose request has this head: credentials travel in header fields, so the caller
    /// is known before any body is read.
    public func principal(for head: HTTPRequestHead) throws(HTTPError) -> Principal {
        guard let header = head.headers["Authorization"] else { return try sessionPrincipal(for: head) }
        guard header.utf8.count <= 8192, header.count > 7,
            HTTPHeaders.equalsIgnoringCase(header.prefix(7), "Bearer ")
        else { throw HTTPError.unauthorized("Use Authorization: Bearer <key or token>.") }
        let credential = String(header.dropFirst(7)).trimmed()
        let bytes = Array(credential.utf8)
        var matched = adminKey(matching: bytes).map { Principal(role: .admin, name: $0.label) }
        for key in keys.storefrontKeys where constantTimeEquals(bytes, key.secret) {
            matched = Principal(role: .storefront, name: key.label)
        }
        if let matched { return matched }
        if credential.hasPrefix("v1.") {
            let claims: TokenClaims
            do {
                claims = try keys.signer.verify(credential, now: clock.unixSeconds())
            } catch .expired {
                throw HTTPError.unauthorized("The customer token has expired.")
            } catch {
                throw HTTPError.unauthorized("The customer token is not valid.")
            }
            // A token minted for an id the identifier rule refuses reaches nobody.
            guard let customerId = CustomerId(claims.subject) else {
                throw HTTPError.unauthorized("The customer token is not valid.")
            }
            return Principal(role: .customer, customerId: customerId)
        }
        throw HTTPError.unauthorized("The API key or token is not valid.")
    }

    /// The admin key equal to `credential`; every key is compared, in constant time.
    public func adminKey(matching credential: [UInt8]) -> GatewayKeys.APIKey? {
        var matched: GatewayKeys.APIKey?
        for key in keys.adminKeys where constantTimeEquals(credential, key.secret) { matched = key }
        return matched
    }

    /// The admin of the request's panel session, or anonymous without a live one.
    func sessionPrincipal(for head: HTTPRequestHead) throws(HTTPError) -> Principal {
        guard let sessions, let id = SessionCookie.value(in: head.headers),
            SessionCookie.isFromThePanel(head.headers), let session = sessions.find(id)
        else { return .anonymous }
        // A cookie rides along with any request the browser makes to this site; only the panel's
        // own script knows the token, so a forged form or link changes nothing.
        if SessionCookie.needsCSRFToken(head.method) {
            let token = head.headers[SessionCookie.csrfHeader] ?? ""
            guard constantTimeEquals(Array(token.utf8), Array(session.csrfToken.utf8)) else {
                throw HTTPError(
                    .forbidden, code: "csrf_token_invalid",
                    message: "A call that changes something needs the session's \(SessionCookie.csrfHeader) header.")
            }
        }
        return Principal(role: .admin, name: session.admin)
    }
}
