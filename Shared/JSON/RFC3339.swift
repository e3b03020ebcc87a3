import FoundationEssentials
import Primitives

/// RFC 3339 timestamps in UTC (`2026-11-23T10:00:00Z`, `2026-11-23T10:00:00.123Z`), written and
/// read by hand: the suite formats a date for every timestamp of every answer, and
/// `Date.ISO8601FormatStyle` cost more than the rest of the JSON encoding.
///
/// Formatting follows the proleptic Gregorian calendar of ISO 8601 for every year. Differences
/// from `Date.ISO8601FormatStyle` (swift-foundation 6.3), all for the better or for dates no
/// service stores:
/// - milliseconds are rounded to the nearest, never past .999, where the format style truncates
///   the binary fraction (a date read back from `ms / 1000` could print one millisecond early:
///   `1732356000.123` printed `.122`); newer swift-foundation rounds the same way;
/// - dates before 1582-10-15 stay Gregorian where the format style switches to the Julian calendar;
/// - parsing is strict RFC 3339 (see `parse`).
public enum RFC3339 {
    /// The earliest and latest instants formatted, in seconds since 1970; the format style clamps
    /// to the same range (Julian day 0 at noon, and year 506 713).
    static let earliestSeconds: Double = -210_866_760_000
    static let latestSeconds: Double = 15_928_153_804_800
    /// Longest text `write` produces: `-4713-11-24T12:00:00.000Z` or `506713-02-07T00:00:00.000Z`.
    static let maximumLength = 32

    /// `2026-11-23T10:00:00Z`, with milliseconds when the date has a fraction of a second.
    public static func format(_ date: Date) -> String {
        String(unsafeUninitializedCapacity: maximumLength) { write(date, into: $0) }
    }

    /// Appends `format(date)` between double quotes: a JSON string, which never needs escapes.
    static func appendQuoted(_ date: Date, to output: JSONByteBuffer) {
        output.appendWriting(upTo: maximumLength + 2) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            let count = write(date, into: UnsafeMutableBufferPointer(rebasing: buffer[1...]))
            buffer[count + 1] = UInt8(ascii: "\"")
            return count + 2
        }
    }

    /// Writes the text of `date` into `buffer` (at least `maximumLength` bytes) and returns its length.
    static func write(_ date: Date, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var seconds = date.timeIntervalSince1970
        // The same test as before: a fraction (or NaN) prints milliseconds, even `.000`.
        let hasFraction = !(seconds == seconds.rounded(.down))
        if seconds.isNaN { seconds = earliestSeconds }
        seconds = min(max(seconds, earliestSeconds), latestSeconds)
        let whole = seconds.rounded(.down)
        let total = Int64(whole)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let civil = CivilDate(daysSince1970: days)

        var writer = DigitWriter(buffer: buffer)
        var year = civil.year
        if year < 0 {
            writer.append(UInt8(ascii: "-"))
            year = -year
        }
        writer.append(year, width: 4)
        writer.append(UInt8(ascii: "-"))
        writer.append(civil.month, width: 2)
        writer.append(UInt8(ascii: "-"))
        writer.append(civil.day, width: 2)
        writer.append(UInt8(ascii: "T"))
        writer.append(secondOfDay / 3600, width: 2)
        writer.append(UInt8(ascii: ":"))
        writer.append(secondOfDay / 60 % 60, width: 2)
        writer.append(UInt8(ascii: ":"))
        writer.append(secondOfDay % 60, width: 2)
        if hasFraction {
            // Rounded to the nearest millisecond but never carried into the next second.
            let milliseconds = min(Int64(((seconds - whole) * 1000).rounded()), 999)
            writer.append(UInt8(ascii: "."))
            writer.append(milliseconds, width: 3)
        }
        writer.append(UInt8(ascii: "Z"))
        return writer.count
    }

    /// Writes ASCII digits into a buffer known to be large enough.
    private struct DigitWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        mutating func append(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }

        /// Appends a non-negative `value` zero-padded to `width` digits (more when it needs them).
        mutating func append(_ value: Int64, width: Int) {
            var digits = 1
            var limit: Int64 = 10
            while digits < 19, value >= limit {
                digits += 1
                limit *= 10
            }
            let length = max(digits, width)
            var rest = value
            for index in stride(from: count + length - 1, through: count, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            count += length
        }
    }
}
