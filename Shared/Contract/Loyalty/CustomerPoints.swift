import FoundationEssentials
import Glibc

/// Points that expire together (`expiringPoints` of a balance).
public struct ExpiringPoints: Codable, Sendable, Hashable {
    public var points: Int64
    public var expiresAt: Date

    /// Creates an expiring amount.
    public init(points: Int64, expiresAt: Date) {
        self.points = points
        self.expiresAt = expiresAt
    }
}

/// A customer's points (`GET /v1/customers/{customerId}`); an unknown customer has zeros.
public struct CustomerPoints: Codable, Sendable, Hashable {
    public var customerId: String
    /// Spendable points.
    public var points: Int64
    /// Points orders will earn once they reach their rule's status; not spendable.
    public var pendingPoints: Int64
    /// The customer's correction coefficient (1 unless the admin set another).
    public var coefficient: Coefficient
    /// The spendable points that will expire, soonest first; empty when none do.
    public var expiringPoints: [ExpiringPoints]
    /// How many exchange orders the customer has placed.
    public var exchangeOrderCount: Int64
    /// Whether the customer's newsletter signup has been recorded.
    public var newsletterSignedUp: Bool

    /// Creates a balance.
    public init(
        customerId: String, points: Int64, pendingPoints: Int64, coefficient: Coefficient,
        expiringPoints: [ExpiringPoints], exchangeOrderCount: Int64, newsletterSignedUp: Bool
    ) {
        self.customerId = customerId
        self.points = points
        self.pendingPoints = pendingPoints
        self.coefficient = coefficient
        self.expiringPoints = expiringPoints
        self.exchangeOrderCount = exchangeOrderCount
        self.newsletterSignedUp = newsletterSignedUp
    }
}

/// `PUT /v1/customers/{customerId}/coefficient`.
public struct CoefficientUpdate: Codable, Sendable, Hashable {
    public var coefficient: Coefficient

    /// Creates the request.
    public init(coefficient: Coefficient) {
        self.coefficient = coefficient
    }
}

/// `POST /v1/customers/{customerId}/adjustments`: signed points (not 0), the admin's reason
/// (internal, never shown to the customer) and an optional note the customer sees.
public struct PointsAdjustmentRequest: Codable, Sendable, Hashable {
    public var points: Int64
    public var reason: String
    /// What the customer's own history says of the adjustment; nothing when left out.
    public var publicNote: String?

    /// Longest accepted reason, in characters.
    public static let maximumReasonLength = TextRules.maximumReasonLength

    /// Creates the request.
    public init(points: Int64, reason: String, publicNote: String? = nil) {
        self.points = points
        self.reason = reason
        self.publicNote = publicNote
    }
}

/// The answer to an adjustment: the new balance and the entry written.
public struct PointsAdjustmentResult: Codable, Sendable, Hashable {
    public var customerId: String
    public var points: Int64
    public var pendingPoints: Int64
    public var entry: HistoryEntry

    /// Creates the answer.
    public init(customerId: String, points: Int64, pendingPoints: Int64, entry: HistoryEntry) {
        self.customerId = customerId
        self.points = points
        self.pendingPoints = pendingPoints
        self.entry = entry
    }
}

/// The answer to `POST /v1/adjustments/bulk`: what the file changed, all of it at once.
public struct BulkAdjustmentResult: Codable, Sendable, Hashable {
    /// Adjustments applied (data rows of the file).
    public var rows: Int
    /// Distinct customers adjusted.
    public var customers: Int
    /// Sum of the positive adjustments.
    public var pointsAdded: Int64
    /// Sum of the negative adjustments, as a positive number.
    public var pointsRemoved: Int64

    /// Creates the answer.
    public init(rows: Int, customers: Int, pointsAdded: Int64, pointsRemoved: Int64) {
        self.rows = rows
        self.customers = customers
        self.pointsAdded = pointsAdded
        self.pointsRemoved = pointsRemoved
    }
}
