import Glibc
import Primitives

/// Sends plain-text mail to a local relay over unencrypted SMTP (RFC 5321), one connection per
/// message, blocking the calling thread.
///
/// ```swift
/// guard let relay = SMTPEndpoint(url: "smtp://127.0.0.1:25") else { … }
/// let client = SMTPClient(endpoint: relay)
/// try client.send(
///     MailMessage(to: ["klient@example.pl"], subject: "Zamówienie przyjęte", textBody: "Dziękujemy!"),
///     from: "sklep@example.pl")
/// ```
///
/// No TLS and no AUTH: the relay is expected on localhost or a private network and does the
/// onward delivery. Call it from a worker thread or outbox loop, not from an event loop.
public struct SMTPClient: Sendable {
    /// Where the relay listens.
    public let endpoint: SMTPEndpoint
    /// The name sent in EHLO/HELO and used as the Message-ID domain.
    public let heloName: String
    /// The limit for connecting and for each reply.
    public let timeout: Duration
    /// Dates the message (its `Date` header).
    public let clock: WallClock

    /// Creates a client; nothing connects until `send`.
    public init(
        endpoint: SMTPEndpoint, heloName: String = "zaplecze", timeout: Duration = .seconds(10),
        clock: WallClock = .system
    ) {
        self.endpoint = endpoint
        self.clock = clock
        self.heloName = heloName
        self.timeout = timeout
    }

    /// Delivers one message to the relay; `from` is the envelope sender (MAIL FROM) and the From
    /// header unless `message.from` is set. Returns once the relay has accepted the data.
    public func send(_ message: MailMessage, from: String) throws(SMTPError) {
        try validateHeloName()
        try SMTPMessageEncoder.validateAddress(from, field: "MAIL FROM")
        // Encode (and so validate) everything before connecting: a bad message costs no round trip.
        let messageId = "<\(SecureRandom.token(bytes: 18))@\(heloName)>"
        let content = try SMTPMessageEncoder.encode(
            message, envelopeFrom: from, unixTime: clock.unixSeconds(), messageId: messageId)
        let data = SMTPMessageEncoder.dataSection(content)

        let connection = try SMTPConnection.open(endpoint, timeout: timeout)
        defer { connection.close() }
        do {
            try expect(.positiveCompletion, from: connection.readReply(during: "greeting"), command: "greeting")
            try greet(connection)
            try command("MAIL FROM:<\(from)>", expecting: .positiveCompletion, on: connection)
            for recipient in message.to {
                try command("RCPT TO:<\(recipient)>", expecting: .positiveCompletion, on: connection)
            }
            try command("DATA", expecting: .positiveIntermediate, on: connection)
            try connection.write(data, during: "DATA")
            try expect(.positiveCompletion, from: connection.readReply(during: "end of data"), command: "end of data")
        } catch {
            // After a refusal the dialogue is still in step, so end it properly (RFC 5321 §4.1.1.10);
            // after a timeout or broken connection just close. The original error is what matters.
            if case .rejected = error {
                _ = try? command("QUIT", expecting: .positiveCompletion, on: connection)
            }
            throw error
        }
        // The relay has taken responsibility for the message (RFC 5321 §4.1.1.4 "250 OK" after
        // the data); a failed QUIT does not undo that, so its outcome is ignored.
        _ = try? command("QUIT", expecting: .positiveCompletion, on: connection)
    }

    // MARK: - Dialogue

    /// Reply classes from the first digit of the code (RFC 5321 §4.2.1).
    enum ReplyClass: Int {
        case positiveCompletion = 2
        case positiveIntermediate = 3
    }

    /// EHLO, falling back to HELO for relays that do not speak ESMTP (RFC 5321 §3.2).
    private func greet(_ connection: SMTPConnection) throws(SMTPError) {
        try connection.write(Array("EHLO \(heloName)\r\n".utf8), during: "EHLO")
        let reply = try connection.readReply(during: "EHLO")
        if reply.code / 100 == 2 { return }
        // 500/502 mean "command not recognised"; any other 5xx also warrants trying HELO once.
        guard reply.code / 100 == 5 else { throw .rejected(command: "EHLO", code: reply.code, text: reply.text) }
        try command("HELO \(heloName)", expecting: .positiveCompletion, on: connection)
    }

    @discardableResult
    private func command(
        _ line: String, expecting replyClass: ReplyClass, on connection: SMTPConnection
    ) throws(SMTPError) -> SMTPReply {
        let verb = String(line.prefix { $0 != " " && $0 != ":" })
        try connection.write(Array((line + "\r\n").utf8), during: verb)
        let reply = try connection.readReply(during: verb)
        try expect(replyClass, from: reply, command: verb)
        return reply
    }

    private func expect(_ replyClass: ReplyClass, from reply: SMTPReply, command: String) throws(SMTPError) {
        guard reply.code / 100 == replyClass.rawValue else {
            throw .rejected(command: command, code: reply.code, text: reply.text)
        }
    }

    /// The EHLO argument is a domain or address literal (RFC 5321 §4.1.1.1); anything else
    /// could smuggle a second command.
    private func validateHeloName() throws(SMTPError) {
        let allowed = heloName.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || Array("-.[]:_".utf8).contains(byte)
        }
        guard !heloName.isEmpty, heloName.utf8.count <= 255, allowed else { throw .invalidHeloName(heloName) }
    }
}
