import FoundationEssentials
import Glibc

/// `POST /v1/review-events`: the reviews service reports a published review.
public struct ReviewPublishedEvent: Codable, Sendable, Hashable {
    public var reviewId: String
    public var customerId: String
    public var productId: String

    /// Creates the event.
    public init(reviewId: String, customerId: String, productId: String) {
        self.reviewId = reviewId
        self.customerId = customerId
        self.productId = productId
    }
}

/// The answer to a newsletter signup or a review event: what it earned. A repeat earns 0 and
/// says so with `firstTime: false`.
public struct ActivityAward: Codable, Sendable, Hashable {
    public var customerId: String
    /// Points credited by this call.
    public var awarded: Int64
    /// False when the signup or review had been recorded before.
    public var firstTime: Bool
    /// The balance after the call.
    public var points: Int64

    /// Creates the answer.
    public init(customerId: String, awarded: Int64, firstTime: Bool, points: Int64) {
        self.customerId = customerId
        self.awarded = awarded
        self.firstTime = firstTime
        self.points = points
    }
}

/// Where an order's award stands.
public enum OrderAwardState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Waiting for the order to reach `trigger`.
    case pending
    /// Credited to the balance.
    case credited
    /// Dropped before it was credited (the order was cancelled or refunded).
    case cancelled
}

/// What one rule awards one order, fixed when loyalty first saw the order.
public struct OrderAward: Codable, Sendable, Hashable {
    public var rule: RuleReference
    public var points: Int64
    /// The status that credits it (`created` for rules on order creation).
    public var trigger: OrderStatus
    public var state: OrderAwardState
    /// Points of it taken back by cancellation or refunds so far.
    public var reversed: Int64

    /// Creates an award.
    public init(rule: RuleReference, points: Int64, trigger: OrderStatus, state: OrderAwardState, reversed: Int64) {
        self.rule = rule
        self.points = points
        self.trigger = trigger
        self.state = state
        self.reversed = reversed
    }
}

/// What happened to an order event.
public enum OrderEventOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// The event was applied.
    case applied
    /// The event id was seen before; nothing changed.
    case duplicate
    /// The order already had this or a later sequence; nothing changed.
    case stale
}

/// An order as loyalty knows it: the answer to `POST /v1/orders/{orderNumber}/events` and
/// `GET /v1/orders/{orderNumber}`.
public struct OrderPoints: Codable, Sendable, Hashable {
    public var orderNumber: String
    /// Absent for a guest order, which earns nothing.
    public var customerId: String?
    public var status: OrderStatus
    public var lastSequence: Int64
    /// For an event: what it did; absent when the order is only read.
    public var outcome: OrderEventOutcome?
    public var awards: [OrderAward]

    /// Creates the answer.
    public init(
        orderNumber: String, customerId: String?, status: OrderStatus, lastSequence: Int64,
        outcome: OrderEventOutcome?, awards: [OrderAward]
    ) {
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.status = status
        self.lastSequence = lastSequence
        self.outcome = outcome
        self.awards = awards
    }
}
