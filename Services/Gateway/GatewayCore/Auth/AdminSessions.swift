import HTTP
import Primitives
import ServiceKit

/// The back-office panel's sessions, in memory: an admin signs in once with a key and the
/// browser then holds only a random session id in an `HttpOnly` cookie. Each session carries the
/// admin's label (their name in histories), a CSRF token every state-changing call must repeat,
/// and a fixed expiry. At most `capacity` sessions live at once; beyond that the one expiring
/// soonest is dropped. A restart of the gateway ends every session.
public final class AdminSessions: Sendable {
    /// One signed-in admin.
    public struct Session: Sendable, Equatable {
        /// The label of the admin key that opened it.
        public let admin: String
        /// Repeated in `X-CSRF-Token` by every call that changes something.
        public let csrfToken: String
        /// Unix seconds.
        public let expiresAt: Int64
    }

    /// The sessions kept at most by default.
    public static let defaultCapacity = 1000

    let capacity: Int
    /// Dates sessions and decides their expiry.
    let clock: WallClock
    /// By the SHA-256 of the session id (hex), so the table never holds a usable cookie value.
    private let sessions = Locked<[String: Session]>([:])

    /// An empty store holding at most `capacity` sessions, dated by `clock`.
    public init(capacity: Int = AdminSessions.defaultCapacity, clock: WallClock) {
        self.capacity = max(1, capacity)
        self.clock = clock
    }

    /// Opens a session for `admin` until `expiresAt`; returns the id for the cookie and the session.
    public func open(admin: String, expiresAt: Int64) -> (id: String, session: Session) {
        let id = SecureRandom.token()
        let session = Session(admin: admin, csrfToken: SecureRandom.token(), expiresAt: expiresAt)
        let instant = clock.unixSeconds()
        sessions.withLock { table in
            table = table.filter { $0.value.expiresAt > instant }
            while table.count >= capacity, let soonest = table.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
                table.removeValue(forKey: soonest.key)
            }
            table[Self.key(id)] = session
        }
        return (id, session)
    }

    /// The live session with this id; nil when unknown or expired (an expired one is dropped).
    public func find(_ id: String) -> Session? {
        let key = Self.key(id)
        let instant = clock.unixSeconds()
        return sessions.withLock { table in
            guard let session = table[key] else { return nil }
            guard session.expiresAt > instant else {
                table.removeValue(forKey: key)
                return nil
            }
            return session
        }
    }

    /// Ends the session with this id; true when there was one.
    @discardableResult
    public func close(_ id: String) -> Bool {
        let key = Self.key(id)
        return sessions.withLock { $0.removeValue(forKey: key) != nil }
    }

    /// How many sessions are held (expired ones included until they are swept).
    public var count: Int { sessions.withLock { $0.count } }

    private static func key(_ id: String) -> String {
        SHA256.hash(Array(id.utf8)).hexDigits
    }
}
