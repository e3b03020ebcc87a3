import FoundationEssentials

/// A customer's spendable points that will expire, summed per calendar day (UTC), soonest first
/// (`GET /v1/customers/{customerId}/expiring`).
public struct ExpiringPointsByDate: Codable, Sendable, Hashable {
    /// The points that expire on one day.
    public struct Day: Codable, Sendable, Hashable {
        /// The day, `YYYY-MM-DD` (UTC).
        public var date: String
        public var points: Int64

        /// Creates a day's figure.
        public init(date: String, points: Int64) {
            self.date = date
            self.points = points
        }
    }

    public var customerId: String
    /// All the points that will expire (the sum of `dates`).
    public var points: Int64
    public var dates: [Day]

    /// Creates the answer.
    public init(customerId: String, points: Int64, dates: [Day]) {
        self.customerId = customerId
        self.points = points
        self.dates = dates
    }
}
