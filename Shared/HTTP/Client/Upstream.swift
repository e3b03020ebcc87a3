/// Where a client sends requests: an `http://host:port` base URL (TLS ends in front of the
/// gateway; between processes we speak plain HTTP on a private network).
public struct Upstream: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `http://host:port` (a trailing slash is fine; no path, no other scheme).
    public init?(url: String) {
        var rest = Substring(url)
        guard rest.hasPrefix("http://") else { return nil }
        rest = rest.dropFirst(7)
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("@") else { return nil }
        var hostPart = rest
        var port = 80
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let parsed = Int(after.dropFirst()) else { return nil }
                port = parsed
            }
        } else if let colon = rest.lastIndex(of: ":") {
            hostPart = rest[..<colon]
            guard let parsed = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = parsed
        }
        guard !hostPart.isEmpty, (1...65535).contains(port) else { return nil }
        self.host = String(hostPart)
        self.port = port
    }

    /// The `Host` header value.
    public var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public var description: String { "http://\(authority)" }
}
