import Contract
import FoundationEssentials
import Glibc

/// An exchange order as stored, with what each audience sees of it.
public struct ExchangeOrderRecord: Sendable, Hashable {
    public var id: Int64
    public var customerId: String
    public var items: [ExchangeOrderItem]
    public var points: Int64
    /// The history entry that deducted the points (what a rejection gives back).
    public var historyId: Int64?
    public var exchanged: Bool
    public var exchangedAt: Date?
    public var rejectedAt: Date?
    public var rejectionReason: String?
    public var placedBy: String?
    public var createdAt: Date

    /// Rejected wins over everything; otherwise the admin's flag decides.
    public var status: ExchangeOrderStatus {
        if rejectedAt != nil { return .rejected }
        return exchanged ? .exchanged : .placed
    }

    /// The note the customer's account shows: additional information about the completed
    /// exchange.
    public var note: String? {
        switch status {
        case .placed:
            return nil
        case .exchanged:
            return "The exchange was completed" + (exchangedAt.map { " on \(PointsExpiry.day($0))" } ?? "") + "."
        case .rejected:
            var text = "The exchange order was rejected"
            if let rejectedAt { text += " on \(PointsExpiry.day(rejectedAt))" }
            text += " and its \(points) points were returned."
            if let rejectionReason { text += " Reason: \(rejectionReason)" }
            return text
        }
    }

    /// The wire form; only admins see the raw "Exchanged" flag, everyone the status.
    public func view(forAdmin: Bool) -> ExchangeOrder {
        ExchangeOrder(
            id: id, customerId: customerId, items: items, points: points, status: status,
            exchanged: forAdmin ? exchanged : nil, note: note, createdAt: createdAt,
            exchangedAt: status == .exchanged ? exchangedAt : nil, rejectedAt: rejectedAt,
            rejectionReason: rejectionReason, placedBy: forAdmin ? placedBy : nil
        )
    }
}
