import Contract
import FoundationEssentials
import Glibc
import HTTP
import Primitives
import Store

/// Outgoing mail through the outbox: `enqueue` writes the message in the caller's transaction, so
/// it survives restarts and an SMTP server that is down; the dispatcher sends it to
/// `ZAPLECZE_SMTP_URL`, or, with none configured, logs it and keeps it (state `logged`).
public final class Mailer: Sendable {
    private let endpoint: SMTPEndpoint?
    private let from: String
    private let shopURL: String
    private let logger: Logger
    /// Dates the queued messages and the sent ones' `Date` header.
    private let clock: WallClock

    init(configuration: ServiceConfiguration, logger: Logger, clock: WallClock) {
        self.clock = clock
        self.endpoint = configuration.smtpURL.flatMap { SMTPEndpoint(url: $0) }
        self.from = configuration.mailFrom
        self.shopURL = configuration.shopURL
        self.logger = logger
    }

    /// Queues `message` in the caller's write transaction under a unique event id.
    public func enqueue(
        _ message: MailMessage, in connection: Connection, eventId: String = "mail-" + UUID().uuidString
    ) throws {
        try Outbox.enqueue(
            Outbox.Event(
                destination: Outbox.mailDestination, path: "", payload: try JSONCoding.encode(message), eventId: eventId
            ),
            in: connection, now: clock.date()
        )
    }

    /// Whether `address` is one the SMTP client sends to (ASCII, one `@`, no spaces or
    /// brackets): an address from elsewhere is checked before mail to it is queued, since a
    /// message the client refuses would only be retried until it is given up.
    public static func isDeliverable(_ address: String) -> Bool {
        (try? SMTPMessageEncoder.validateAddress(address, field: "to")) != nil
    }

    /// A link into the shop: `path` appended to `ZAPLECZE_SHOP_URL`.
    public func link(_ path: String) -> String {
        var base = shopURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// Sends one queued message (called by the outbox dispatcher).
    func deliver(payload: [UInt8]) -> Outbox.Outcome {
        guard let message = try? JSONCoding.decode(MailMessage.self, from: payload) else {
            return .failed("unreadable mail payload")
        }
        guard let endpoint else {
            logger.info(
                "mail kept (no SMTP server configured)",
                [
                    ("to", .string(message.to.joined(separator: ","))), ("subject", .string(message.subject)),
                ])
            return .logged
        }
        do {
            try SMTPClient(endpoint: endpoint, clock: clock).send(message, from: message.from ?? from)
            return .delivered
        } catch {
            return .retry(String(describing: error))
        }
    }
}
