import Foundation
import Glibc

/// Why a raw connection call failed.
public enum RawConnectionError: Error, Equatable, CustomStringConvertible {
    /// A system call failed with this errno (e.g. `connect` with `ECONNREFUSED`).
    case system(call: String, errno: Int32)
    /// Nothing (or not enough) arrived before the deadline.
    case timedOut
    /// The peer closed (or reset) the connection before a whole response arrived.
    case closedByPeer
    /// The bytes that arrived are not an HTTP/1.1 response.
    case malformed(String)

    public var description: String {
        switch self {
        case .system(let call, let errno): return "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .timedOut: return "timed out"
        case .closedByPeer: return "closed by peer"
        case .malformed(let reason): return "malformed response: \(reason)"
        }
    }
}

/// A blocking TCP client for wire-level tests: sends exactly the bytes it is given and reads raw
/// responses with deadlines, so tests see what the server really wrote (framing, 100 Continue,
/// closes) rather than what a forgiving client makes of it.
///
/// ```swift
/// let connection = try RawConnection(port: server.port)
/// try connection.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n")
/// let response = try connection.readResponse()
/// #expect(response.status == 200)
/// ```
public final class RawConnection: @unchecked Sendable {
    // Safe: used by one thread at a time; the type is Sendable only so a test can hand it to a thread.
    public let fd: Int32
    /// Bytes received but not yet consumed by a read call.
    private var buffer: [UInt8] = []
    /// Whether the peer closed (EOF) or reset the connection.
    public private(set) var peerClosed = false
    private var isOpen = true

    /// Connects to `host:port` (IPv4 literal), waiting at most `timeout`; from the local address
    /// `source` when given (any of 127.0.0.0/8 on loopback, to be a different client address).
    public init(port: Int, host: String = "127.0.0.1", from source: String? = nil, timeout: Duration = .seconds(5))
        throws
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError.system(call: "socket", errno: errno) }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if bound != 0 {
                let error = errno
                Glibc.close(fd)
                throw RawConnectionError.system(call: "bind", errno: error)
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        // A send timeout keeps a test whose peer never reads from blocking forever.
        var sendTimeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let error = errno
            Glibc.close(fd)
            throw RawConnectionError.system(call: "connect", errno: error)
        }
        self.fd = fd
    }

    deinit { close() }

    /// Closes the socket (idempotent).
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(fd)
    }

    // MARK: - Sending

    /// Sends all of `text` as UTF-8.
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends all of `bytes`; throws `closedByPeer` on EPIPE/ECONNRESET.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
                continue
            }
            let error = errno
            if error == EINTR { continue }
            if error == EPIPE || error == ECONNRESET { throw RawConnectionError.closedByPeer }
            if error == EAGAIN || error == EWOULDBLOCK { throw RawConnectionError.timedOut }
            throw RawConnectionError.system(call: "send", errno: error)
        }
    }

    /// Tells the peer nothing more will be sent (half-close), keeping the read side open.
    public func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    // MARK: - Receiving

    /// Reads whatever arrives next into the buffer; false once the peer closed or reset.
    /// Throws `timedOut` when nothing arrives before `deadline` (monotonic nanoseconds).
    @discardableResult
    private func fill(until deadline: UInt64) throws -> Bool {
        if peerClosed { return false }
        while true {
            // A deadline already past still gets one look without waiting.
            let now = Self.now()
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds =
                now >= deadline ? 0 : Int32(min(UInt64(Int32.max), (deadline - now + 999_999) / 1_000_000))
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw RawConnectionError.system(call: "poll", errno: errno)
            }
            if ready == 0 {
                if Self.now() >= deadline { throw RawConnectionError.timedOut }
                continue
            }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count == 0 {
                peerClosed = true
                return false
            }
            let error = errno
            if error == EINTR || error == EAGAIN || error == EWOULDBLOCK { continue }
            if error == ECONNRESET || error == EPIPE {
                peerClosed = true
                return false
            }
            throw RawConnectionError.system(call: "recv", errno: error)
        }
    }

    /// Reads until the peer closes and returns every byte not yet consumed; throws `timedOut`
    /// if the connection is still open at the deadline.
    public func readUntilClose(timeout: Duration = .seconds(5)) throws -> [UInt8] {
        let deadline = Self.deadline(after: timeout)
        while try fill(until: deadline) {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the peer closes the connection within `timeout`; bytes received meanwhile are
    /// kept for later reads.
    public func waitForClose(timeout: Duration = .seconds(5)) -> Bool {
        let deadline = Self.deadline(after: timeout)
        do {
            while try fill(until: deadline) {}
            return true
        } catch {
            return false
        }
    }

    /// Whether nothing arrives and the peer does not close within `timeout` (`.zero` only looks
    /// at what is there now, without waiting).
    public func receivesNothing(for timeout: Duration) -> Bool {
        let before = buffer.count
        let deadline = Self.deadline(after: timeout)
        do {
            try fill(until: deadline)
            return false
        } catch {
            return buffer.count == before && !peerClosed
        }
    }

    /// Bytes received and not consumed yet.
    public var unreadBytes: [UInt8] { buffer }

    /// Reads exactly `count` bytes.
    public func read(exactly count: Int, timeout: Duration = .seconds(5)) throws -> [UInt8] {
        let deadline = Self.deadline(after: timeout)
        while buffer.count < count {
            guard try fill(until: deadline) else { throw RawConnectionError.closedByPeer }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[0..<count])
    }

    /// Reads one response. `toHead` says it answers a HEAD request (so it has no body whatever
    /// its fields say); a response without Content-Length or chunked coding is read until close.
    public func readResponse(toHead: Bool = false, timeout: Duration = .seconds(5)) throws -> RawResponse {
        let deadline = Self.deadline(after: timeout)
        let headEnd = try readHeadBlock(deadline: deadline)
        var response = try RawResponse(headBytes: Array(buffer[0..<headEnd]))
        buffer.removeFirst(headEnd + 4)
        if toHead || (100..<200).contains(response.status) || response.status == 204 || response.status == 304 {
            return response
        }
        if let coding = response.header("Transfer-Encoding") {
            guard coding.lowercased() == "chunked" else {
                throw RawConnectionError.malformed("transfer coding \(coding)")
            }
            response.isChunked = true
            response.body = try readChunkedBody(deadline: deadline, chunkCount: &response.chunkCount)
        } else if let lengthText = response.header("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else {
                throw RawConnectionError.malformed("length \(lengthText)")
            }
            while buffer.count < length {
                guard try fill(until: deadline) else { throw RawConnectionError.closedByPeer }
            }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else {
            while try fill(until: deadline) {}
            response.body = buffer
            buffer.removeAll()
        }
        return response
    }

    /// The index of the CRLFCRLF ending the next head block, reading as needed.
    private func readHeadBlock(deadline: UInt64) throws -> Int {
        var searched = 0
        while true {
            if buffer.count >= 4 {
                for index in max(0, searched - 3)...(buffer.count - 4)
                where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
                    && buffer[index + 3] == 10
                {
                    return index
                }
                searched = buffer.count
            }
            guard try fill(until: deadline) else { throw RawConnectionError.closedByPeer }
        }
    }

    /// A line ending in CRLF at the start of the buffer, consumed.
    private func readLine(deadline: UInt64) throws -> String {
        while true {
            if let index = buffer.indices.dropLast().first(where: { buffer[$0] == 13 && buffer[$0 + 1] == 10 }) {
                let line = String(decoding: buffer[0..<index], as: UTF8.self)
                buffer.removeFirst(index + 2)
                return line
            }
            guard try fill(until: deadline) else { throw RawConnectionError.closedByPeer }
        }
    }

    /// Decodes a chunked body (RFC 9112 §7.1), trailers skipped.
    private func readChunkedBody(deadline: UInt64, chunkCount: inout Int) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine(deadline: deadline)
            let digits = sizeLine.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            guard let size = Int(digits.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw RawConnectionError.malformed("chunk size \(sizeLine)")
            }
            if size == 0 {
                while try !readLine(deadline: deadline).isEmpty {}
                return body
            }
            chunkCount += 1
            while buffer.count < size + 2 {
                guard try fill(until: deadline) else { throw RawConnectionError.closedByPeer }
            }
            guard buffer[size] == 13 && buffer[size + 1] == 10 else { throw RawConnectionError.malformed("chunk end") }
            body.append(contentsOf: buffer[0..<size])
            buffer.removeFirst(size + 2)
        }
    }

    // MARK: - Time

    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func deadline(after timeout: Duration) -> UInt64 {
        let (seconds, attoseconds) = timeout.components
        return now() + UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}

/// A response as it came over the wire: status line, fields in order, and the de-chunked body.
public struct RawResponse: Sendable, CustomStringConvertible {
    public var version: String
    public var status: Int
    public var reason: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8] = []
    /// Whether the body came with the chunked transfer coding.
    public var isChunked = false
    /// How many non-empty chunks the body came in.
    public var chunkCount = 0

    init(headBytes: [UInt8]) throws {
        let text = String(decoding: headBytes, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw RawConnectionError.malformed("status line \(lines[0])")
        }
        version = String(statusParts[0])
        self.status = status
        reason = statusParts.count > 2 ? String(statusParts[2]) : ""
        headers = try lines.dropFirst().map { line in
            guard let colon = line.firstIndex(of: ":") else { throw RawConnectionError.malformed("field \(line)") }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// The first value of a field, ignoring the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every value of a field, ignoring the case of its name.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// A short summary, so a failed expectation does not print megabytes of body.
    public var description: String {
        let fields = headers.map { "\($0.name): \($0.value)" }.joined(separator: "; ")
        return "\(version) \(status) \(reason) [\(fields)] \(body.count) body bytes: \(text.prefix(200))"
    }

    /// Whether the response says the connection closes after it.
    public var closesConnection: Bool {
        header("Connection")?.lowercased().contains("close") ?? false
    }

    /// The body parsed as a JSON object.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The `error.code` of a JSON error envelope.
    public var errorCode: String? {
        (json?["error"] as? [String: Any])?["code"] as? String
    }

    /// The `error.message` of a JSON error envelope.
    public var errorMessage: String? {
        (json?["error"] as? [String: Any])?["message"] as? String
    }

    /// The `requestId` of a JSON error envelope.
    public var envelopeRequestId: String? { json?["requestId"] as? String }
}
