import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// An admin signing in to the panel with a key: checked against the admin keys, with failures
/// from an address limited, and a session opened until the configured lifetime ends.
struct PanelSignIn: Sendable {
    let authenticator: Authenticator
    let sessions: AdminSessions
    /// The session lifetime.
    let ttlSeconds: Int64
    /// Failed sign-ins per client address, as for failed `Authorization` headers.
    let failures: TokenBucketLimiter?
    /// Dates the session's expiry.
    let clock: WallClock

    /// Opens a session for the admin whose key is `key` (surrounding spaces ignored), signing
    /// in from `address`: 401 for anything but an admin key, 429 once the address has failed
    /// too often.
    func signIn(key: String, from address: String) throws -> (id: String, session: AdminSessions.Session) {
        // The key is checked first: failed sign-ins slow down further failures from the address,
        // never an admin who presents a valid key (behind a proxy, every caller shares one).
        guard let admin = authenticator.adminKey(matching: Array(key.trimmed().utf8)) else {
            if let failures, case .limited(let seconds) = failures.peek(address) {
                throw HTTPError.tooManyRequests(
                    retryAfter: seconds, message: "Too many failed sign-ins from this address.")
            }
            failures?.charge(address)
            throw HTTPError(.unauthorized, code: "unauthorized", message: "The admin key is not valid.")
        }
        let (expiresAt, overflow) = clock.unixSeconds().addingReportingOverflow(ttlSeconds)
        guard !overflow else { throw HTTPError.unprocessable("The session cannot be dated.") }
        return sessions.open(admin: admin.label, expiresAt: expiresAt)
    }
}
