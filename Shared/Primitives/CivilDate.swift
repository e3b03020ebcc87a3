/// A day of the proleptic Gregorian calendar (ISO 8601, RFC 3339 §5.6), with the day-count
/// arithmetic that turns it into days since 1970-01-01 and back without a `Calendar`.
///
/// The algorithms are Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html): they count in 400-year eras of
/// 146 097 days, with years starting on 1 March so that the leap day falls last. Years are
/// astronomical: year 0 is 1 BC, year -1 is 2 BC.
public struct CivilDate: Equatable, Sendable {
    /// The astronomical year.
    public var year: Int64
    /// 1…12.
    public var month: Int64
    /// 1…31.
    public var day: Int64

    /// Days from 0000-03-01 to 1970-01-01.
    private static let epochShift: Int64 = 719_468
    /// Days in one 400-year Gregorian cycle.
    private static let daysPerEra: Int64 = 146_097

    /// The date `days` days after 1970-01-01 (before it when negative). Callers keep `days`
    /// within a few hundred million, far from any overflow.
    public init(daysSince1970 days: Int64) {
        let shifted = days + Self.epochShift
        let era = (shifted >= 0 ? shifted : shifted - (Self.daysPerEra - 1)) / Self.daysPerEra
        let dayOfEra = shifted - era * Self.daysPerEra  // 0…146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // 0…399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0…365, from 1 March
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0…11, March is 0
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Creates a date from its fields, unchecked; see `isValid`.
    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the month is 1…12 and the day exists in that month (RFC 3339 §5.7).
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year)
    }

    /// Days from 1970-01-01 to this date (negative before it). Callers keep `year` within a
    /// few hundred thousand.
    public var daysSince1970: Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400  // 0…399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0…146096
        return era * Self.daysPerEra + dayOfEra - Self.epochShift
    }

    /// Whether `year` has 29 February.
    public static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of `month` (1…12) in `year`.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
