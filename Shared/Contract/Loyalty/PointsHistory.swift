import FoundationEssentials
import Glibc

/// What one history entry records (`GET /v1/customers/{customerId}/history`).
public enum HistoryKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Points credited at once (an order rule, a newsletter signup, a review).
    case earned
    /// Points an order will earn when it reaches a status; shown, not spendable.
    case pending
    /// Pending points that became spendable when the order reached the rule's status.
    case pendingCredited
    /// Pending points dropped because the order was cancelled or refunded first.
    case pendingCancelled
    /// Points taken back because their order was cancelled (program `deductOnCancel`).
    case cancelled
    /// Points taken back because their order was refunded, wholly or in part.
    case refunded
    /// A manual correction by the admin, with a reason.
    case adjustment
    /// Points that reached their expiry date unspent.
    case expired
    /// Points spent on an exchange order.
    case exchange
    /// Points given back because the admin rejected an exchange order.
    case exchangeReturned
    /// The admin marked an exchange order as exchanged (no points move).
    case exchangeAccepted
    /// The admin withdrew the "exchanged" mark (no points move).
    case exchangeAcceptanceWithdrawn
    /// Points spent through another service (a discount code bought with points).
    case debit
    /// Points given back because that other service undid its debit.
    case debitReturned
}

/// A rule as a history entry names it: its id and its name at the time.
public struct RuleReference: Codable, Sendable, Hashable {
    public var id: Int64
    public var name: String

    /// Creates a reference to a rule.
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// Why an entry happened: whichever of these apply.
public struct HistoryCause: Codable, Sendable, Hashable {
    public var rule: RuleReference?
    public var orderNumber: String?
    public var reviewId: String?
    public var exchangeOrderId: Int64?
    public var debitId: String?
    /// Who did it: the admin's name, a service, the storefront or the customer.
    public var actor: String?
    /// The admin's reason, or an explanation written by the service (a shortfall, an expiry);
    /// internal, never shown to the customer.
    public var reason: String?
    /// A note for the customer, written by the admin with an adjustment.
    public var publicNote: String?

    /// Creates a cause.
    public init(
        rule: RuleReference? = nil, orderNumber: String? = nil, reviewId: String? = nil,
        exchangeOrderId: Int64? = nil, debitId: String? = nil, actor: String? = nil, reason: String? = nil,
        publicNote: String? = nil
    ) {
        self.rule = rule
        self.orderNumber = orderNumber
        self.reviewId = reviewId
        self.exchangeOrderId = exchangeOrderId
        self.debitId = debitId
        self.actor = actor
        self.reason = reason
        self.publicNote = publicNote
    }
}

/// One operation on a customer's points. `points` and `pendingPoints` are the signed changes;
/// the sum of `points` over a customer's whole history equals the balance.
public struct HistoryEntry: Codable, Sendable, Hashable {
    public var id: Int64
    public var customerId: String
    public var kind: HistoryKind
    /// Change of the spendable balance.
    public var points: Int64
    /// Change of the pending points.
    public var pendingPoints: Int64
    /// The spendable balance after this entry.
    public var balanceAfter: Int64
    /// The pending points after this entry.
    public var pendingAfter: Int64
    public var createdAt: Date
    /// For credited points: when they expire (absent when they never do).
    public var expiresAt: Date?
    public var cause: HistoryCause

    /// Creates an entry.
    public init(
        id: Int64, customerId: String, kind: HistoryKind, points: Int64, pendingPoints: Int64,
        balanceAfter: Int64, pendingAfter: Int64, createdAt: Date, expiresAt: Date? = nil, cause: HistoryCause
    ) {
        self.id = id
        self.customerId = customerId
        self.kind = kind
        self.points = points
        self.pendingPoints = pendingPoints
        self.balanceAfter = balanceAfter
        self.pendingAfter = pendingAfter
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.cause = cause
    }
}
