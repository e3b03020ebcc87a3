import Foundation
import Glibc

/// A mail as the fake relay received it: the envelope and the DATA section after un-stuffing.
public struct ReceivedMail: Sendable, Equatable {
    /// The MAIL FROM address, without angle brackets.
    public var envelopeFrom: String
    /// The RCPT TO addresses, without angle brackets, in order.
    public var recipients: [String]
    /// The message text (headers, blank line, body) with CRLF line endings, dots un-stuffed.
    public var data: String
}

/// A tiny SMTP relay on 127.0.0.1 with an ephemeral port, for tests of code that sends mail.
///
/// ```swift
/// let server = try FakeSMTPServer()
/// defer { server.stop() }
/// try SMTPClient(endpoint: SMTPEndpoint(url: server.url)!).send(message, from: "shop@example.pl")
/// #expect(server.messages.count == 1)
/// ```
///
/// One thread accepts connections and serves them one at a time, which is enough for tests and
/// keeps the recorded order deterministic. The thread holds the server alive: always call `stop()`.
public final class FakeSMTPServer: @unchecked Sendable {
    /// The port the server listens on.
    public let port: Int
    /// `smtp://127.0.0.1:<port>`, ready for `SMTPEndpoint(url:)`.
    public var url: String { "smtp://127.0.0.1:\(port)" }

    private let listener: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var received: [ReceivedMail] = []
    private var receivedCommands: [String] = []
    private var rejecting = false
    private var ehlo = true
    private var isSilent = false
    private var stopped = false

    /// Messages accepted so far, in order.
    public var messages: [ReceivedMail] { locked { received } }
    /// Every command line received so far (DATA content excluded), in order.
    public var commands: [String] { locked { receivedCommands } }
    /// When true, every RCPT TO is answered `550 5.1.1 Mailbox unavailable`.
    public var rejectRecipients: Bool {
        get { locked { rejecting } }
        set { locked { rejecting = newValue } }
    }
    /// When false, EHLO is answered 502 so clients must fall back to HELO.
    public var supportsEHLO: Bool {
        get { locked { ehlo } }
        set { locked { ehlo = newValue } }
    }
    /// When true, connections are accepted but never greeted, to test client timeouts.
    public var silent: Bool {
        get { locked { isSilent } }
        set { locked { isSilent = newValue } }
    }

    /// Binds 127.0.0.1 on an ephemeral port and starts the accept thread.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw FakeSMTPServerError.systemCall("socket", errno) }
        guard let port = FreePorts.bindLoopback(fd, listening: 16) else {
            let code = errno
            close(fd)
            throw FakeSMTPServerError.systemCall("bind/listen", code)
        }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            throw FakeSMTPServerError.systemCall("pipe2", errno)
        }
        // pipe2/accept4 are not exported by the Glibc module; set close-on-exec afterwards so
        // processes that tests spawn do not inherit these descriptors.
        for descriptor in pipeEnds { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        listener = fd
        self.port = port
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]
        let thread = Thread { [self] in
            acceptLoop()
            finished.signal()
        }
        thread.name = "FakeSMTPServer:\(port)"
        thread.start()
    }

    /// Stops the accept thread, waits for it to end, and closes the sockets; safe to call twice.
    public func stop() {
        let first: Bool = locked {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        finished.wait()
        close(listener)
        close(wakeRead)
        close(wakeWrite)
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    // MARK: - Serving

    private func acceptLoop() {
        while waitReadable(listener) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            serve(FakeSMTPSession(descriptor: client))
            close(client)
        }
    }

    /// Waits for `fd` to be readable; false once `stop()` has been called.
    fileprivate func waitReadable(_ fd: Int32) -> Bool {
        var requests = [
            pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&requests, 2, -1)
            if ready < 0, errno == EINTR { continue }
            return ready > 0 && requests[1].revents == 0
        }
    }

    private func serve(_ session: FakeSMTPSession) {
        if silent {
            // Hold the connection open without a greeting until the client gives up.
            while waitReadable(session.descriptor), session.readLine(server: self) != nil {}
            return
        }
        session.reply("220 fake.smtp.test ESMTP ready")
        var from = ""
        var recipients: [String] = []
        while let line = session.readLine(server: self) {
            locked { receivedCommands.append(line) }
            let verb = line.prefix { $0 != " " && $0 != ":" }.uppercased()
            switch verb {
            case "EHLO" where supportsEHLO:
                session.reply("250-fake.smtp.test greets you\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 HELP")
            case "HELO":
                session.reply("250 fake.smtp.test")
            case "MAIL":
                from = Self.path(in: line)
                recipients = []
                session.reply("250 2.1.0 OK")
            case "RCPT" where rejectRecipients:
                session.reply("550 5.1.1 Mailbox unavailable")
            case "RCPT":
                recipients.append(Self.path(in: line))
                session.reply("250 2.1.5 OK")
            case "DATA" where recipients.isEmpty:
                session.reply("503 5.5.1 No valid recipients")
            case "DATA":
                session.reply("354 End data with <CR><LF>.<CR><LF>")
                guard let data = session.readData(server: self) else { return }
                let mail = ReceivedMail(envelopeFrom: from, recipients: recipients, data: data)
                locked { received.append(mail) }
                recipients = []
                session.reply("250 2.0.0 Queued")
            case "RSET":
                recipients = []
                session.reply("250 2.0.0 OK")
            case "NOOP":
                session.reply("250 2.0.0 OK")
            case "QUIT":
                session.reply("221 2.0.0 Bye")
                return
            default:
                session.reply("502 5.5.2 Command not recognized")
            }
        }
    }

    /// The address between `<` and `>` of a MAIL FROM / RCPT TO line.
    private static func path(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}

/// Why the fake server could not start.
public enum FakeSMTPServerError: Error {
    case systemCall(String, Int32)
}

/// One client connection of the fake server: line reading and replying.
private final class FakeSMTPSession {
    let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) { self.descriptor = descriptor }

    func reply(_ text: String) {
        let bytes = Array((text + "\r\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    /// The next CRLF-terminated line without its CRLF; nil when the client left or the server stops.
    func readLine(server: FakeSMTPServer) -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let end = newline > 0 && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeSubrange(0...newline)
                return line
            }
            guard buffer.count < 16 << 20, server.waitReadable(descriptor) else { return nil }
            var chunk = [UInt8](repeating: 0, count: 8192)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
    }

    /// Lines up to the lone "." with one leading dot removed from stuffed lines (RFC 5321 §4.5.2).
    func readData(server: FakeSMTPServer) -> String? {
        var lines: [String] = []
        while let line = readLine(server: server) {
            if line == "." { return lines.map { $0 + "\r\n" }.joined() }
            lines.append(line.hasPrefix(".") ? String(line.dropFirst()) : line)
        }
        return nil
    }
}

// MARK: - Decoding, so tests can assert on what a reader would see

extension ReceivedMail {
    /// The unfolded value of the first header called `name` (case-insensitive), still encoded.
    public func header(_ name: String) -> String? {
        let headerBlock = data.components(separatedBy: "\r\n\r\n").first ?? ""
        var unfolded: [String] = []
        for line in headerBlock.components(separatedBy: "\r\n") {
            // RFC 5322 §2.2.3: a line starting with whitespace continues the previous field.
            if let first = line.first, first == " " || first == "\t", !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += line
            } else {
                unfolded.append(line)
            }
        }
        for field in unfolded {
            guard let colon = field.firstIndex(of: ":"),
                field[..<colon].caseInsensitiveCompare(name) == .orderedSame
            else { continue }
            return field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The Subject with RFC 2047 encoded-words decoded.
    public var decodedSubject: String? {
        guard let raw = header("Subject") else { return nil }
        var output = ""
        var previousWasEncoded = false
        for word in raw.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if let decoded = Self.decodeEncodedWord(String(word)) {
                output += (previousWasEncoded || output.isEmpty ? "" : " ") + decoded
                previousWasEncoded = true
            } else {
                output += (output.isEmpty ? "" : " ") + word
                previousWasEncoded = false
            }
        }
        return output
    }

    /// The body after undoing its Content-Transfer-Encoding, as UTF-8 with "\n" line breaks.
    public var decodedBody: String {
        guard let separator = data.range(of: "\r\n\r\n") else { return "" }
        let body = String(data[separator.upperBound...])
        let encoding = header("Content-Transfer-Encoding")?.lowercased()
        var bytes: [UInt8]
        switch encoding {
        case "quoted-printable":
            bytes = Self.decodeQuotedPrintable(body)
        case "base64":
            bytes = [UInt8](Data(base64Encoded: body, options: .ignoreUnknownCharacters) ?? Data())
        default:
            bytes = Array(body.utf8)
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func decodeEncodedWord(_ word: String) -> String? {
        let parts = word.split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "=", parts[4] == "=", parts[1].lowercased() == "utf-8" else { return nil }
        switch parts[2].uppercased() {
        case "B":
            guard let data = Data(base64Encoded: String(parts[3])) else { return nil }
            return String(decoding: data, as: UTF8.self)
        case "Q":
            let text = parts[3].replacingOccurrences(of: "_", with: " ")
            return String(decoding: decodeQuotedPrintable(text), as: UTF8.self)
        default:
            return nil
        }
    }

    /// RFC 2045 §6.7: "=XX" is a byte, "=" before a line break is a soft break.
    private static func decodeQuotedPrintable(_ text: String) -> [UInt8] {
        let input = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < input.count, input[index + 1] == 0x0D, input[index + 2] == 0x0A {
                    index += 3
                    continue
                }
                if index + 2 < input.count,
                    let value = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
                {
                    output.append(value)
                    index += 3
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
