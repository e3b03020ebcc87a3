import Primitives

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny blocking HTTP/1.1 client that asks one server for `GET /ready` and reads the status.
///
/// It reads only the status line (RFC 9112 §4) and then closes the connection, which is all the
/// launcher needs; it deliberately does not share the suite's HTTP client.
public struct ReadinessProbe: Sendable {
    /// The limit for connecting, sending and receiving, each.
    public var timeout: Duration

    /// Creates a probe.
    public init(timeout: Duration = .seconds(1)) {
        self.timeout = timeout
    }

    /// Whether the server at host:port answers `GET path` with 200.
    public func isReady(host: String, port: Int, path: String = "/ready") -> Bool {
        (try? status(host: host, port: port, path: path)) == 200
    }

    /// The status code the server answers `GET path` with.
    public func status(host: String, port: Int, path: String = "/ready") throws(ProbeError) -> Int {
        let socket = try connect(host: host, port: port)
        defer { close(socket) }
        let request = Array(
            "GET \(path) HTTP/1.1\r\nHost: \(HostAddress.urlHost(host)):\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            // MSG_NOSIGNAL: a peer that closed early must give EPIPE, not kill the launcher.
            let count = request[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "send", errno: errno)
            }
            sent += count
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while !received.contains(UInt8(ascii: "\n")) {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "recv", errno: errno)
            }
            if count == 0 { break }
            received += chunk[0..<count]
            if received.count > 8192 { break }
        }
        return try Self.parseStatusLine(received)
    }

    /// Reads the code from `HTTP/1.1 200 OK`.
    static func parseStatusLine(_ bytes: [UInt8]) throws(ProbeError) -> Int {
        let line = String(
            decoding: bytes.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
            let code = Int(parts[1]), (100...599).contains(code)
        else {
            throw .malformedResponse
        }
        return code
    }

    private func connect(host: String, port: Int) throws(ProbeError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let result = getaddrinfo(host, String(port), &hints, &list)
        guard result == 0, let first = list else {
            throw .badAddress(host)
        }
        defer { freeaddrinfo(list) }
        let descriptor = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw .io(operation: "socket", errno: errno)
        }
        // On Linux SO_SNDTIMEO also bounds connect(2) (socket(7)).
        let nanoseconds = max(timeout.wholeNanoseconds, 1_000_000)
        var limit = timeval(tv_sec: Int(nanoseconds / 1_000_000_000), tv_usec: Int(nanoseconds % 1_000_000_000 / 1_000))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        guard Glibc.connect(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let code = errno
            close(descriptor)
            throw .io(operation: "connect", errno: code)
        }
        return descriptor
    }
}

/// Why a probe got no status.
public enum ProbeError: Error, Equatable, CustomStringConvertible {
    /// The host is not a numeric address.
    case badAddress(String)
    /// A socket call failed (ECONNREFUSED while the server is still starting).
    case io(operation: String, errno: Int32)
    /// The answer did not start with an HTTP/1.x status line.
    case malformedResponse

    public var description: String {
        switch self {
        case .badAddress(let host):
            return "\(host) is not a numeric address"
        case .io(let operation, let code):
            return "\(operation): \(String(cString: strerror(code)))"
        case .malformedResponse:
            return "the answer is not HTTP/1.x"
        }
    }
}
