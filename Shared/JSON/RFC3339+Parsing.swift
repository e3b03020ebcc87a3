import FoundationEssentials
import Primitives

/// Reading RFC 3339 timestamps (RFC 3339 §5.6):
/// `date-fullyear "-" date-month "-" date-mday "T" time-hour ":" time-minute ":" time-second
/// [time-secfrac] time-offset`.
///
/// What `Date.ISO8601FormatStyle` accepted and real clients send is accepted: `Z` or `z`, offsets
/// `±hh:mm`, `±hhmm` and `±hh` up to 18 hours, 1–9 fraction digits, a leap second `:60` (read as
/// the next minute's `:00`, as before), and every such timestamp gives the same `Date`, to the
/// last bit, as the format style gave. Deliberately rejected although the format style let them
/// through: trailing text after the offset, `GMT`/`UTC` suffixes, fields with fewer or more
/// digits than RFC 3339 gives them, and days, hours, minutes or seconds past the end of their
/// range (the format style rolled 02-30 into March and 10:60 into 11:00; RFC 3339 §5.7).
/// A lower-case `t` is accepted, as RFC 3339 §5.6 allows. Years before 1582-10-15 are proleptic
/// Gregorian, where the format style read them as Julian.
extension RFC3339 {
    /// Longest text `parse` looks at, in UTF-8 bytes.
    static let maximumParsedLength = 40
    /// 2001-01-01, Foundation's reference date, in days since 1970-01-01.
    private static let referenceDateDaysSince1970: Int64 = 11_323

    /// Parses a timestamp with or without fractional seconds, `Z` or an offset; nil for anything
    /// else. Never traps, whatever the input.
    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= maximumParsedLength else { return nil }
        if let date = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) {
            return date
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    /// Parses the UTF-8 bytes of a timestamp.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var reader = Reader(bytes: bytes)
        guard let year = reader.digits(4), reader.expect(UInt8(ascii: "-")),
            let month = reader.digits(2), reader.expect(UInt8(ascii: "-")),
            let day = reader.digits(2), reader.expect(UInt8(ascii: "T"), or: UInt8(ascii: "t")),
            let hour = reader.digits(2), reader.expect(UInt8(ascii: ":")),
            let minute = reader.digits(2), reader.expect(UInt8(ascii: ":")),
            let second = reader.digits(2)
        else { return nil }
        let civil = CivilDate(year: year, month: month, day: day)
        guard civil.isValid, hour <= 23, minute <= 59, second <= 60 else { return nil }

        var nanoseconds: Int64 = 0
        if reader.expect(UInt8(ascii: ".")) {
            var count = 0
            while let digit = reader.digit() {
                count += 1
                guard count <= 9 else { return nil }
                nanoseconds = nanoseconds * 10 + digit
            }
            guard count > 0 else { return nil }
            for _ in count..<9 { nanoseconds *= 10 }
        }

        guard let offset = reader.offset(), reader.isAtEnd else { return nil }
        // Summed in the order Foundation's calendar sums them (the day since the reference date,
        // then the time of day with its fraction, then the offset), so that a parsed value is
        // the very same `Date` as before to the last bit.
        let dayStart = Double((civil.daysSince1970 - Self.referenceDateDaysSince1970) * 86_400)
        let timeOfDay = Double(hour * 3600 + minute * 60 + second) + Double(nanoseconds) / 1_000_000_000
        return Date(timeIntervalSinceReferenceDate: dayStart + timeOfDay - Double(offset))
    }

    /// A cursor over the bytes of a timestamp.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Consumes `expected` (or `alternative`) if it is next.
        mutating func expect(_ expected: UInt8, or alternative: UInt8? = nil) -> Bool {
            guard index < bytes.count, bytes[index] == expected || bytes[index] == alternative else { return false }
            index += 1
            return true
        }

        /// Consumes one ASCII digit if it is next.
        mutating func digit() -> Int64? {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            index += 1
            return Int64(byte - UInt8(ascii: "0"))
        }

        /// Consumes exactly `count` digits.
        mutating func digits(_ count: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// Consumes `Z`, `z` or `±hh[[:]mm]` and returns the offset east of UTC in seconds.
        mutating func offset() -> Int64? {
            if expect(UInt8(ascii: "Z"), or: UInt8(ascii: "z")) { return 0 }
            let sign: Int64
            if expect(UInt8(ascii: "+")) {
                sign = 1
            } else if expect(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return nil
            }
            guard let hours = digits(2), hours <= 23 else { return nil }
            var minutes: Int64 = 0
            if !isAtEnd {
                _ = expect(UInt8(ascii: ":"))
                guard let value = digits(2), value <= 59 else { return nil }
                minutes = value
            }
            let total = hours * 3600 + minutes * 60
            // A time zone is at most 18 hours from UTC, as Foundation's `TimeZone` allows.
            guard total <= 18 * 3600 else { return nil }
            return sign * total
        }
    }
}
