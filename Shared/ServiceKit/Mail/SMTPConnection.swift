import Glibc

/// One SMTP reply: a three-digit code and its text lines (RFC 5321 §4.2).
struct SMTPReply: Equatable {
    var code: Int
    var lines: [String]
    var text: String { lines.joined(separator: "\n") }
}

/// A blocking TCP connection to an SMTP relay with a deadline on every step.
///
/// The socket is non-blocking and each read, write and connect waits in poll(2) for at most the
/// timeout, so a relay that accepts and then stalls cannot hang the caller.
final class SMTPConnection {
    /// Longest reply line accepted. RFC 5321 §4.5.3.1.5 sets 512 octets; relays exceed it in
    /// EHLO extension lists, so allow more but still bound memory.
    static let maxReplyLineBytes = 4096
    /// Most lines accepted in one multi-line reply.
    static let maxReplyLines = 200

    private let descriptor: Int32
    private let timeoutMilliseconds: Int32
    private var buffer: [UInt8] = []
    private var isClosed = false

    private init(descriptor: Int32, timeoutMilliseconds: Int32) {
        self.descriptor = descriptor
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    deinit { close() }

    /// Resolves the endpoint and connects to the first address that answers.
    static func open(_ endpoint: SMTPEndpoint, timeout: Duration) throws(SMTPError) -> SMTPConnection {
        let milliseconds = Self.milliseconds(timeout)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard status == 0, let list else {
            throw .resolveFailed(host: endpoint.host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }

        var lastError: Int32 = 0
        var candidate: UnsafeMutablePointer<addrinfo>? = list
        while let info = candidate {
            candidate = info.pointee.ai_next
            let socketType = info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
            let fd = socket(info.pointee.ai_family, socketType, info.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = errno
                continue
            }
            let connection = SMTPConnection(descriptor: fd, timeoutMilliseconds: milliseconds)
            let code = connection.connect(info.pointee.ai_addr, info.pointee.ai_addrlen)
            if code == 0 { return connection }
            if code == ETIMEDOUT { throw .timedOut(during: "connect") }
            lastError = code
        }
        throw .connectFailed(endpoint: endpoint.description, errno: lastError)
    }

    /// Completes a non-blocking connect (connect(2), EINPROGRESS); returns 0 or an errno.
    private func connect(_ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t) -> Int32 {
        if Glibc.connect(descriptor, address, length) == 0 { return 0 }
        guard errno == EINPROGRESS || errno == EINTR else { return errno }
        guard wait(for: Int16(POLLOUT)) else { return ETIMEDOUT }
        var result: Int32 = 0
        var resultLength = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &result, &resultLength) == 0 else { return errno }
        return result
    }

    /// Closes the socket; later calls do nothing.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(descriptor)
    }

    // MARK: - Writing

    /// Writes all bytes, waiting for buffer space up to the timeout.
    func write(_ bytes: [UInt8], during step: String) throws(SMTPError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a relay that hangs up must surface as EPIPE, not kill the process.
            let sent = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                guard wait(for: Int16(POLLOUT)) else { throw .timedOut(during: step) }
            case EPIPE, ECONNRESET: throw .connectionClosed
            case let code: throw .systemCall(name: "send", errno: code)
            }
        }
    }

    // MARK: - Reading

    /// Reads one complete reply, following `250-` continuation lines to the final `250 ` line.
    func readReply(during step: String) throws(SMTPError) -> SMTPReply {
        var lines: [String] = []
        var replyCode: Int?
        while true {
            let line = try readLine(during: step)
            // RFC 5321 §4.2: three digits, then "-" (more lines follow), " " or end of line.
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }),
                bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-"),
                let code = Int(String(decoding: bytes[0...2], as: UTF8.self)), (100...599).contains(code)
            else { throw .malformedReply(line) }
            // Every line of a multi-line reply carries the same code.
            guard replyCode == nil || replyCode == code else { throw .malformedReply(line) }
            replyCode = code
            let isLast = bytes.count == 3 || bytes[3] == UInt8(ascii: " ")
            lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
            if isLast { return SMTPReply(code: code, lines: lines) }
            guard lines.count < Self.maxReplyLines else {
                throw .malformedReply("more than \(Self.maxReplyLines) lines")
            }
        }
    }

    /// Returns the next line without its CRLF (a bare LF is tolerated).
    private func readLine(during step: String) throws(SMTPError) -> String {
        var searchFrom = 0
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > 0, buffer[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeSubrange(0...newline)
                return line
            }
            guard buffer.count <= Self.maxReplyLineBytes else {
                throw .malformedReply(String(decoding: buffer.prefix(80), as: UTF8.self) + "…")
            }
            searchFrom = buffer.count
            try fill(during: step)
        }
    }

    private func fill(during step: String) throws(SMTPError) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received > 0 {
                buffer += chunk[0..<received]
                return
            }
            if received == 0 { throw .connectionClosed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                guard wait(for: Int16(POLLIN)) else { throw .timedOut(during: step) }
            case ECONNRESET: throw .connectionClosed
            case let code: throw .systemCall(name: "recv", errno: code)
            }
        }
    }

    // MARK: - Waiting

    /// Waits until the socket is ready for `events` (or has an error to report); false on timeout.
    private func wait(for events: Int16) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&request, 1, Self.milliseconds(remaining))
            if ready > 0 { return true }
            if ready == 0 { return false }
            // EINTR: poll again with what is left of the deadline (poll(2) does not restart).
            // Any other failure: report "ready" so the next send/recv surfaces the real errno.
            if errno != EINTR { return true }
        }
    }

    /// Converts a duration to poll(2) milliseconds, rounding up and clamping to 1...Int32.max.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 1 }
        guard seconds < Int64(Int32.max / 1000) else { return Int32.max }
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }
}
