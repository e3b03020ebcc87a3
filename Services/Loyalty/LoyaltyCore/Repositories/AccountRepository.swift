import Contract
import FoundationEssentials
import Glibc
import Store

/// Reads a customer's points summary.
enum AccountRepository {
    /// Most expiry dates listed in a balance.
    static let maximumExpiryDates = 24

    /// The balance as the customer and the admin see it; zeros for an unknown customer.
    /// The customer's unexpired lots summed per UTC day of their expiry, soonest first.
    static func expiringByDay(_ customerId: String, in connection: Connection) throws -> ExpiringPointsByDate {
        // `expires_at` is milliseconds since 1970 (UTC), so whole days divide evenly.
        let days = try connection.query(
            """
            SELECT expires_at / 86400000 AS day, sum(remaining) AS points FROM lots
            WHERE customer_id = ? AND remaining > 0 AND expires_at IS NOT NULL
            GROUP BY day ORDER BY day
            """, customerId
        ).map { row in
            let day: Int64 = try row.get("day")
            let start = Date(timeIntervalSince1970: TimeInterval(day) * 86_400)
            return ExpiringPointsByDate.Day(
                date: String(RFC3339.format(start).prefix(10)), points: try row.get("points"))
        }
        var total: Int64 = 0
        for day in days { total = try Ledger.add(total, day.points) }
        return ExpiringPointsByDate(customerId: customerId, points: total, dates: days)
    }

    static func summary(_ customerId: String, in connection: Connection) throws -> CustomerPoints {
        let figures = try Ledger.figures(customerId, in: connection)
        let expiring = try connection.query(
            """
            SELECT expires_at, sum(remaining) AS points FROM lots
            WHERE customer_id = ? AND remaining > 0 AND expires_at IS NOT NULL
            GROUP BY expires_at ORDER BY expires_at LIMIT ?
            """, customerId, maximumExpiryDates
        ).map { ExpiringPoints(points: try $0.get("points"), expiresAt: try $0.get("expires_at")) }
        let exchangeOrders =
            try connection.scalar(
                "SELECT count(*) FROM exchange_orders WHERE customer_id = ?", customerId, as: Int64.self
            ) ?? 0
        let signedUp =
            try connection.queryOne("SELECT 1 FROM newsletter_signups WHERE customer_id = ?", customerId) != nil
        return CustomerPoints(
            customerId: customerId, points: figures.points, pendingPoints: figures.pendingPoints,
            coefficient: figures.coefficient, expiringPoints: expiring, exchangeOrderCount: exchangeOrders,
            newsletterSignedUp: signedUp
        )
    }
}
