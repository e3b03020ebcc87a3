import FoundationEssentials
import Glibc

/// When credited points expire: N calendar months after they were credited, in UTC.
public enum PointsExpiry {
    /// The Gregorian calendar in UTC, so an expiry date does not depend on the server's zone.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// `creditedAt` plus `months` calendar months, or nil when points never expire. A day that
    /// the target month lacks is clamped to its last day (31 January + 1 month = 28 or 29
    /// February), as Foundation's calendar arithmetic does.
    public static func expiresAt(creditedAt: Date, months: Int?) -> Date? {
        guard let months, months > 0 else { return nil }
        return calendar.date(byAdding: .month, value: months, to: creditedAt)
    }

    /// The calendar day of a date in UTC, `2026-03-31`, for history explanations.
    public static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        func padded(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
