#if canImport(Glibc)
    import Glibc
#endif

/// The small facts about an IP literal the launcher needs: is it one, and how to reach it.
public enum HostAddress {
    /// Whether the text is a numeric IPv4 or IPv6 address (inet_pton(3) accepts it).
    public static func isIPLiteral(_ text: String) -> Bool {
        isIPv4(text) || isIPv6(text)
    }

    /// Whether the text is a numeric IPv6 address.
    public static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, text, &address) == 1
    }

    /// Whether the text is a numeric IPv4 address in dotted-quad form.
    public static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    /// The address a local client uses to reach a server bound to `host`: a wildcard bind
    /// (0.0.0.0 or ::) is reached through loopback of the same family.
    public static func connectable(_ host: String) -> String {
        if isIPv6(host) {
            var address = in6_addr()
            _ = inet_pton(AF_INET6, host, &address)
            let isAny = withUnsafeBytes(of: &address) { bytes in bytes.allSatisfy { $0 == 0 } }
            return isAny ? "::1" : host
        }
        return host == "0.0.0.0" ? "127.0.0.1" : host
    }

    /// The host part of a URL: IPv6 literals go in brackets (RFC 3986 §3.2.2).
    public static func urlHost(_ host: String) -> String {
        isIPv6(host) ? "[\(host)]" : host
    }

    /// `http://host:port` for a server bound to `host`, usable from this machine.
    public static func baseURL(boundTo host: String, port: Int) -> String {
        "http://\(urlHost(connectable(host))):\(port)"
    }
}
