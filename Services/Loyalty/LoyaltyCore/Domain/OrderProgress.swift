import Contract
import FoundationEssentials
import Glibc

/// How far an order has come: created < paid < fulfilled. Cancelled and refunded close it.
///
/// An order rule credits when the order reaches its status or any later one, so an event that
/// skips straight to `fulfilled` credits a rule on `paid`; an order going back to an earlier
/// status keeps the furthest rank it reached, and so never credits or un-credits twice.
public enum OrderProgress {
    /// The rank of a progressing status, nil for the closing ones.
    public static func rank(_ status: OrderStatus) -> Int? {
        switch status {
        case .created: 0
        case .paid: 1
        case .fulfilled: 2
        case .cancelled, .refunded: nil
        }
    }

    /// Whether `status` closes the order (no credit after it).
    public static func isClosing(_ status: OrderStatus) -> Bool {
        rank(status) == nil
    }

    /// The status that credits a rule's award: the rule's status, or `created` for a rule on
    /// order creation. Nil for rules that are not about orders.
    public static func trigger(of rule: LoyaltyRule) -> OrderStatus? {
        switch rule.action {
        case .orderCreated: .created
        case .orderStatus: rule.status
        case .newsletterSignup, .reviewPublished: nil
        }
    }

    /// The value basis an award's refunds are measured on: its own basis for a proportional
    /// award, gross (what the customer paid) for a fixed one.
    public static func refundBasis(of award: Award) -> ValueBasis {
        switch award {
        case .fixed: .gross
        case .proportional(let proportional): proportional.basis
        }
    }
}

/// The refund figures of an order event, and the share of the order they stand for.
public struct RefundFigures: Sendable, Hashable {
    public var totalNet: Int64
    public var totalGross: Int64
    public var refundedNet: Int64?
    public var refundedGross: Int64?

    /// Creates refund figures.
    public init(totalNet: Int64, totalGross: Int64, refundedNet: Int64?, refundedGross: Int64?) {
        self.totalNet = totalNet
        self.totalGross = totalGross
        self.refundedNet = refundedNet
        self.refundedGross = refundedGross
    }

    /// A full refund: no refunded amount given, or one that reaches the order's value.
    public var isFull: Bool {
        guard refundedNet != nil || refundedGross != nil else { return true }
        if let net = refundedNet, net >= totalNet { return true }
        if let gross = refundedGross, gross >= totalGross { return true }
        return false
    }

    /// The (refunded, order value) pair for a basis: that basis's figures when given, else the
    /// other basis's (a refund of half the gross is half the order either way); nil for a full
    /// refund.
    public func share(basis: ValueBasis) -> (refunded: Int64, value: Int64)? {
        guard !isFull else { return nil }
        let net = refundedNet.map { (max($0, 0), totalNet) }
        let gross = refundedGross.map { (max($0, 0), totalGross) }
        switch basis {
        case .net: return net ?? gross
        case .gross: return gross ?? net
        }
    }

    /// The points of an award still to take back after this refund: all not yet reversed for a
    /// full refund, else the proportional remainder (`PointsCalculator.reversalDue`).
    public func reversalDue(earned: Int64, alreadyReversed: Int64, basis: ValueBasis) -> Int64 {
        guard let share = share(basis: basis) else { return max(earned - max(alreadyReversed, 0), 0) }
        return PointsCalculator.reversalDue(
            earned: earned, refundedValue: share.refunded, orderValue: share.value, alreadyReversed: alreadyReversed
        )
    }
}
