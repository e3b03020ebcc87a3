/// Where an SMTP relay listens: a host name or IP literal and a TCP port.
public struct SMTPEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// A DNS name, IPv4 literal, or IPv6 literal without brackets.
    public var host: String
    /// The TCP port, 1...65535.
    public var port: Int

    /// Creates an endpoint from parts; nil for an empty host or a port outside 1...65535.
    public init?(host: String, port: Int = 25) {
        guard !host.isEmpty, (1...65_535).contains(port), Self.isValidHost(host) else { return nil }
        self.host = host
        self.port = port
    }

    /// Parses `smtp://host[:port][/]` (port 25 when absent); IPv6 hosts go in brackets
    /// (`smtp://[::1]:2525`). Anything else (user info, paths, queries, other schemes) is nil.
    public init?(url: String) {
        let scheme = "smtp://"
        guard url.utf8.count <= 300, url.lowercased().hasPrefix(scheme) else { return nil }
        var rest = Substring(url.dropFirst(scheme.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }

        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
            guard host.contains(":") else { return nil }
        } else {
            let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            host = parts[0]
            if parts.count == 2 { portText = parts[1] }
            guard !host.contains("[") else { return nil }
        }

        var port = 25
        if let portText {
            // Digits only: Int("+25") would accept a sign.
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let parsed = Int(portText)
            else { return nil }
            port = parsed
        }
        self.init(host: String(host), port: port)
    }

    /// The endpoint in URL form.
    public var description: String {
        host.contains(":") ? "smtp://[\(host)]:\(port)" : "smtp://\(host):\(port)"
    }

    /// Letters, digits, `-`, `.`, `_` for names and `:` for IPv6 literals; rejects user info,
    /// paths and whitespace so the host can be handed to getaddrinfo(3) as is.
    private static func isValidHost(_ host: String) -> Bool {
        host.utf8.count <= 253
            && host.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                    UInt8(ascii: "_"), UInt8(ascii: ":"):
                    return true
                default:
                    return false
                }
            }
    }
}
