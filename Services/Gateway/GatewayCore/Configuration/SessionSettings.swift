import HTTP
import ServiceKit

/// How the panel's sessions behave (`ZAPLECZE_SESSION_TTL_SECONDS`,
/// `ZAPLECZE_SESSION_COOKIE_SECURE`).
public struct SessionSettings: Sendable, Equatable {
    /// When the cookie gets the `Secure` attribute.
    public enum SecureCookie: String, Sendable, Equatable {
        /// When the request came through a TLS proxy (`X-Forwarded-Proto: https`).
        case auto
        /// Always: the panel is reached only over TLS.
        case always = "true"
        /// Never: plain HTTP on a trusted network or a developer's machine.
        case never = "false"
    }

    /// How long a session lasts from sign-in, in seconds (default 8 hours).
    public var ttlSeconds: Int64 = 8 * 3600
    public var secureCookie: SecureCookie = .auto

    /// Accepted session lengths: a minute to a week.
    public static let ttlRange: ClosedRange<Int64> = 60...(7 * 86_400)

    public init(ttlSeconds: Int64 = 8 * 3600, secureCookie: SecureCookie = .auto) {
        self.ttlSeconds = ttlSeconds
        self.secureCookie = secureCookie
    }

    /// Reads the settings; a bad value is a configuration error (exit 2).
    public static func from(environment: [String: String]) throws -> SessionSettings {
        var settings = SessionSettings()
        if let text = environment["ZAPLECZE_SESSION_TTL_SECONDS"] {
            guard let seconds = Int64(text), ttlRange.contains(seconds) else {
                throw ConfigurationError(
                    "ZAPLECZE_SESSION_TTL_SECONDS must be \(ttlRange.lowerBound)–\(ttlRange.upperBound), got '\(text)'")
            }
            settings.ttlSeconds = seconds
        }
        if let text = environment["ZAPLECZE_SESSION_COOKIE_SECURE"] {
            guard let mode = SecureCookie(rawValue: text) else {
                throw ConfigurationError("ZAPLECZE_SESSION_COOKIE_SECURE must be auto, true or false, got '\(text)'")
            }
            settings.secureCookie = mode
        }
        return settings
    }

    /// Whether the cookie set in answer to a request with these header fields is `Secure`.
    public func secure(for headers: HTTPHeaders) -> Bool {
        switch secureCookie {
        case .always: return true
        case .never: return false
        case .auto:
            return headers["X-Forwarded-Proto"].map { HTTPHeaders.equalsIgnoringCase($0.trimmed(), "https") } ?? false
        }
    }
}
