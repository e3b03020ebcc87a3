import FoundationEssentials
import Glibc

/// `POST /v1/point-debits`: another service (discounts) takes points for something it sells
/// for points. `debitId` makes it idempotent: the same id never debits twice.
public struct PointDebitRequest: Codable, Sendable, Hashable {
    /// The caller's unique id for this debit, 1–200 characters.
    public var debitId: String
    public var customerId: String
    /// Points to take, greater than 0.
    public var points: Int64
    /// Why, for the customer's history (1–500 characters).
    public var reason: String

    /// Creates the request.
    public init(debitId: String, customerId: String, points: Int64, reason: String) {
        self.debitId = debitId
        self.customerId = customerId
        self.points = points
        self.reason = reason
    }
}

/// A recorded debit; `compensatedAt` is set once its points went back.
public struct PointDebit: Codable, Sendable, Hashable {
    public var debitId: String
    public var customerId: String
    public var points: Int64
    public var reason: String
    /// The balance right after the debit.
    public var balanceAfter: Int64
    public var createdAt: Date
    public var compensatedAt: Date?

    /// Creates a debit.
    public init(
        debitId: String, customerId: String, points: Int64, reason: String, balanceAfter: Int64, createdAt: Date,
        compensatedAt: Date? = nil
    ) {
        self.debitId = debitId
        self.customerId = customerId
        self.points = points
        self.reason = reason
        self.balanceAfter = balanceAfter
        self.createdAt = createdAt
        self.compensatedAt = compensatedAt
    }
}
