import HTTP

/// The panel's session cookie: its name, reading it from a request's `Cookie` fields, and the
/// `Set-Cookie` values that set and clear it (RFC 6265 §4.1).
public enum SessionCookie {
    /// The cookie's name.
    public static let name = "zaplecze_session"
    /// The header a state-changing call repeats the session's CSRF token in.
    public static let csrfHeader = "X-CSRF-Token"

    /// The session id the request carries, if any. Several `Cookie` fields and pairs are allowed
    /// (RFC 6265 §5.4); the first pair with the name wins.
    public static func value(in headers: HTTPHeaders) -> String? {
        for field in headers.values("Cookie") {
            for pair in field.split(separator: ";") {
                let trimmed = pair.trimmed()
                guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == name else { continue }
                let value = String(trimmed[trimmed.index(after: equals)...])
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Sets the cookie: sent back only to this site (`SameSite=Strict`), never readable by
    /// scripts (`HttpOnly`), over TLS only when `secure`, gone after `maxAge` seconds.
    public static func set(_ id: String, maxAge: Int64, secure: Bool) -> String {
        "\(name)=\(id); Path=/; Max-Age=\(max(0, maxAge)); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Clears the cookie in the browser.
    public static func clear(secure: Bool) -> String {
        set("", maxAge: 0, secure: secure)
    }

    /// Whether a request may use the cookie at all: a browser that tells where a request comes
    /// from (`Sec-Fetch-Site`, Fetch Metadata) must say the panel's own origin or a typed-in
    /// address. A page of another origin of the same site (a storefront on a sibling host, which
    /// `SameSite` does not tell apart) never acts with the admin's cookie, even for reads.
    public static func isFromThePanel(_ headers: HTTPHeaders) -> Bool {
        guard let site = headers["Sec-Fetch-Site"] else { return true }
        return site == "same-origin" || site == "none"
    }

    /// Whether a method may change state, and so needs the CSRF token (RFC 9110 §9.2.1).
    public static func needsCSRFToken(_ method: HTTPMethod) -> Bool {
        !(method == .get || method == .head || method == .options)
    }
}
