import Contract
import FoundationEssentials
import Glibc

/// A sales order as loyalty keeps it: the latest figures reported, how far it got, and whether
/// it was closed by a cancellation or a refund.
public struct OrderRecord: Sendable, Hashable {
    public var orderNumber: String
    /// The customer of the first report; nil for a guest order, which earns nothing.
    public var customerId: String?
    public var currency: String
    public var totalNet: Int64
    public var totalGross: Int64
    public var refundedNet: Int64?
    public var refundedGross: Int64?
    /// The status last reported.
    public var status: OrderStatus
    /// The furthest of created (0) < paid (1) < fulfilled (2) the order reached.
    public var reachedRank: Int
    /// `.cancelled` or `.refunded` once the order is closed; no credit follows.
    public var closed: OrderStatus?
    public var lastSequence: Int64
    public var placedAt: Date

    /// A new record from the first event seen for the order.
    public init(firstEvent event: OrderEvent) {
        orderNumber = event.orderNumber.text
        customerId = event.customerId?.text
        currency = event.currency
        totalNet = event.totalNet
        totalGross = event.totalGross
        refundedNet = event.refundedNet
        refundedGross = event.refundedGross
        status = event.status
        reachedRank = 0
        closed = nil
        lastSequence = event.sequence
        placedAt = event.placedAt
    }

    /// Creates a record.
    public init(
        orderNumber: String, customerId: String?, currency: String, totalNet: Int64, totalGross: Int64,
        refundedNet: Int64?, refundedGross: Int64?, status: OrderStatus, reachedRank: Int, closed: OrderStatus?,
        lastSequence: Int64, placedAt: Date
    ) {
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.currency = currency
        self.totalNet = totalNet
        self.totalGross = totalGross
        self.refundedNet = refundedNet
        self.refundedGross = refundedGross
        self.status = status
        self.reachedRank = reachedRank
        self.closed = closed
        self.lastSequence = lastSequence
        self.placedAt = placedAt
    }

    /// Takes a later event's figures; the customer stays the one first reported.
    public mutating func update(from event: OrderEvent) {
        currency = event.currency
        totalNet = event.totalNet
        totalGross = event.totalGross
        refundedNet = event.refundedNet
        refundedGross = event.refundedGross
        status = event.status
        lastSequence = event.sequence
    }

    /// The refund figures of the latest report.
    public var refund: RefundFigures {
        RefundFigures(
            totalNet: totalNet, totalGross: totalGross, refundedNet: refundedNet, refundedGross: refundedGross)
    }
}

/// One rule's award to one order, as stored.
public struct OrderAwardRecord: Sendable, Hashable {
    public var orderNumber: String
    public var rule: RuleReference
    public var customerId: String
    public var points: Int64
    public var trigger: OrderStatus
    public var refundBasis: ValueBasis
    public var state: OrderAwardState
    public var reversed: Int64

    /// The wire form.
    public var view: OrderAward {
        OrderAward(rule: rule, points: points, trigger: trigger, state: state, reversed: reversed)
    }

    /// The history cause of a movement of this award.
    public var cause: HistoryCause {
        HistoryCause(rule: rule, orderNumber: orderNumber)
    }
}
