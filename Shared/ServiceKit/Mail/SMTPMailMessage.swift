/// A plain-text mail: recipients, subject and UTF-8 body.
///
/// Codable so it can sit in an outbox table as JSON and be sent later by `SMTPClient`.
public struct MailMessage: Sendable, Codable, Equatable {
    /// Recipient addresses (`name@domain`, ASCII); each becomes one RCPT TO and one To entry.
    public var to: [String]
    /// The subject; any Unicode, but no CR or LF.
    public var subject: String
    /// The body; line breaks may be LF, CRLF or CR and are sent as CRLF.
    public var textBody: String
    /// The From header address; nil uses the envelope sender given to `SMTPClient.send`.
    public var from: String?
    /// An optional Reply-To address.
    public var replyTo: String?

    /// Creates a message.
    public init(to: [String], subject: String, textBody: String, from: String? = nil, replyTo: String? = nil) {
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.from = from
        self.replyTo = replyTo
    }
}
