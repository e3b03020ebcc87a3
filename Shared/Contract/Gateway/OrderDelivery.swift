import FoundationEssentials
import Glibc

/// One order change on its way to one receiving service: the outbox event's state.
public struct OrderDelivery: Codable, Sendable, Hashable {
    /// The receiver's name (`loyalty`, …); one service may have several receivers.
    public var receiver: String
    /// The service the event goes to.
    public var service: String
    /// `<receiver>:<orderNumber>:<sequence>`: the receiver's dedup key.
    public var eventId: String
    /// The order version the event carries.
    public var sequence: Int64
    /// `pending` (waiting or being retried), `delivered`, or `failed` (refused for good).
    public var state: String
    /// Delivery attempts so far.
    public var attempts: Int
    /// When the gateway accepted the change.
    public var createdAt: Date
    /// When the receiver acknowledged it.
    public var deliveredAt: Date?
    /// When the next attempt is due, for a pending event.
    public var nextAttemptAt: Date?
    /// Why the last attempt failed.
    public var lastError: String?

    /// Creates a delivery state.
    public init(
        receiver: String, service: String, eventId: String, sequence: Int64, state: String, attempts: Int,
        createdAt: Date, deliveredAt: Date? = nil, nextAttemptAt: Date? = nil, lastError: String? = nil
    ) {
        self.receiver = receiver
        self.service = service
        self.eventId = eventId
        self.sequence = sequence
        self.state = state
        self.attempts = attempts
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// The answer to `PUT /api/v1/orders/{orderNumber}` (202): the version the gateway stored and
/// the deliveries it queued for it.
public struct OrderAcceptance: Codable, Sendable, Hashable {
    public var orderNumber: String
    /// 1, 2, 3… per accepted change; a repeat of the last document keeps the sequence.
    public var sequence: Int64
    /// False when the document was identical to the last one and nothing new was queued.
    public var changed: Bool
    /// The deliveries of this version, one per receiver.
    public var deliveries: [OrderDelivery]

    /// Creates an acceptance.
    public init(orderNumber: String, sequence: Int64, changed: Bool, deliveries: [OrderDelivery]) {
        self.orderNumber = orderNumber
        self.sequence = sequence
        self.changed = changed
        self.deliveries = deliveries
    }
}

/// The answer to `GET /api/v1/orders/{orderNumber}/deliveries`: per receiver, what was
/// delivered and what still waits.
public struct OrderDeliveries: Codable, Sendable, Hashable {
    /// One receiver's view of the order.
    public struct Receiver: Codable, Sendable, Hashable {
        public var receiver: String
        public var service: String
        /// The highest sequence this receiver has acknowledged, if any.
        public var deliveredSequence: Int64?
        public var delivered: Int
        /// Events still to deliver (waiting for their turn or for a retry).
        public var pending: Int
        /// Events the receiver refused for good (4xx): an operator should look at them.
        public var failed: Int
        /// Every event, oldest first.
        public var events: [OrderDelivery]

        /// Creates a receiver's view.
        public init(
            receiver: String, service: String, deliveredSequence: Int64?, delivered: Int, pending: Int, failed: Int,
            events: [OrderDelivery]
        ) {
            self.receiver = receiver
            self.service = service
            self.deliveredSequence = deliveredSequence
            self.delivered = delivered
            self.pending = pending
            self.failed = failed
            self.events = events
        }
    }

    public var orderNumber: String
    /// The latest accepted version.
    public var sequence: Int64
    /// When the latest version was accepted.
    public var updatedAt: Date
    public var receivers: [Receiver]

    /// Creates the view.
    public init(orderNumber: String, sequence: Int64, updatedAt: Date, receivers: [Receiver]) {
        self.orderNumber = orderNumber
        self.sequence = sequence
        self.updatedAt = updatedAt
        self.receivers = receivers
    }
}
