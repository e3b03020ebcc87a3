import FoundationEssentials
import Glibc

/// An event its receiver refused for good (`GET /api/v1/orders/deliveries/failed`), with the
/// receiver's error, so that an operator can fix the cause and retry it
/// (`POST /api/v1/orders/deliveries/{eventId}/retry`).
public struct DeadLetter: Codable, Sendable, Hashable {
    /// The event's id, the receiver's dedup key (`<receiver>:<orderNumber>:<sequence>` for orders).
    public var eventId: String
    /// The service the event goes to.
    public var service: String
    /// The receiver's route, e.g. `POST /v1/orders/events`.
    public var route: String
    /// `failed`; `pending` once a retry has been asked for.
    public var state: String
    /// Delivery attempts so far.
    public var attempts: Int
    /// When the event was written.
    public var createdAt: Date
    /// The receiver's answer to the last attempt (status, code and message).
    public var lastError: String?

    /// Creates a dead letter.
    public init(
        eventId: String, service: String, route: String, state: String, attempts: Int, createdAt: Date,
        lastError: String?
    ) {
        self.eventId = eventId
        self.service = service
        self.route = route
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.lastError = lastError
    }
}
