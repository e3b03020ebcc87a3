import Foundation
import JSON
import TestValues
import Testing

/// `RFC3339.format` against the `Date.ISO8601FormatStyle` it replaces: the same text for every
/// whole second from the Gregorian reform on, milliseconds rounded where the format style
/// truncated, and the deliberate differences spelled out.
struct RFC3339FormattingTests {
    private let whole = Date.ISO8601FormatStyle(timeZone: .gmt)
    private let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// 1582-10-15T00:00:00Z, the first day of the Gregorian calendar in Foundation's calendar.
    private static let gregorianReform: Int64 = -12_219_292_800
    /// 9999-12-31T23:59:59Z.
    private static let lastFourDigitYear: Int64 = 253_402_300_799

    @Test func wholeSeconds_MatchTheFormatStyle_FromTheGregorianReformOn() {
        var generator = SeededGenerator(seed: 3339)
        for index in 0..<30_000 {
            let seconds =
                index < 10_000
                ? Int64.random(in: 0...4_102_444_800, using: &generator)
                : Int64.random(in: Self.gregorianReform...(Self.lastFourDigitYear * 3), using: &generator)
            let date = Date(timeIntervalSince1970: Double(seconds))
            let ours = RFC3339.format(date)
            let theirs = whole.format(date)
            #expect(ours == theirs, "\(seconds)")
        }
    }

    @Test func milliseconds_AreRoundedToTheNearest_WhereTheFormatStyleTruncated() {
        var generator = SeededGenerator(seed: 1000)
        var truncatedByTheFormatStyle = 0
        for _ in 0..<30_000 {
            // A date as the store reads it back: whole milliseconds divided by 1000.
            let milliseconds = Int64.random(in: (Self.gregorianReform * 1000)...4_102_444_800_000, using: &generator)
            guard milliseconds % 1000 != 0 else { continue }
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let ours = RFC3339.format(date)
            let theirs = fractional.format(date)
            let intended = (milliseconds % 1000 + 1000) % 1000
            #expect(ours.hasSuffix(String(format: ".%03dZ", intended)), "\(milliseconds): \(ours)")
            #expect(ours.dropLast(5) == theirs.dropLast(5), "\(milliseconds): \(ours) vs \(theirs)")
            if ours != theirs {
                truncatedByTheFormatStyle += 1
                #expect(theirs.hasSuffix(String(format: ".%03dZ", intended - 1)), "\(milliseconds): \(theirs)")
            }
        }
        // The format style gets a good share of them wrong; that is why the rounding differs.
        #expect(truncatedByTheFormatStyle > 0)
    }

    @Test func examples_ReadAsExpected() {
        let cases: [(Double, String)] = [
            (0, "1970-01-01T00:00:00Z"),
            (1_795_428_000, "2026-11-23T10:00:00Z"),
            (1_795_428_000.123, "2026-11-23T10:00:00.123Z"),
            (1_732_356_000.123, "2024-11-23T10:00:00.123Z"),  // the format style printed .122
            (1_795_428_000.5, "2026-11-23T10:00:00.500Z"),
            (0.0004, "1970-01-01T00:00:00.000Z"),  // a fraction always shows milliseconds
            (0.9996, "1970-01-01T00:00:00.999Z"),  // never rounded into the next second
            (-0.0004, "1969-12-31T23:59:59.999Z"),
            (-0.5, "1969-12-31T23:59:59.500Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (4_107_542_399, "2100-02-28T23:59:59Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
            (253_402_300_800, "10000-01-01T00:00:00Z"),
        ]
        for (seconds, text) in cases {
            #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == text, "\(seconds)")
        }
    }

    @Test func yearsBeforeTheReform_AreProlepticGregorian_NotJulian() {
        // The format style switches to the Julian calendar before 1582-10-15 (1582-10-04 is the
        // day before); ISO 8601 and RFC 3339 count Gregorian years backwards.
        let cases: [(Double, String)] = [
            (-12_219_292_801, "1582-10-14T23:59:59Z"),
            (-30_610_224_000, "1000-01-01T00:00:00Z"),
            (-30_610_224_001, "0999-12-31T23:59:59Z"),
            (-62_135_596_800, "0001-01-01T00:00:00Z"),
            (-62_167_219_200, "0000-01-01T00:00:00Z"),
            (-62_198_755_200, "-0001-01-01T00:00:00Z"),
        ]
        for (seconds, text) in cases {
            #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == text, "\(seconds)")
        }
    }

    @Test func extremeDates_AreClampedLikeTheFormatStyle_WithoutTrapping() {
        #expect(RFC3339.format(Date(timeIntervalSince1970: 1e15)) == "506713-02-07T00:00:00Z")
        #expect(
            RFC3339.format(Date(timeIntervalSince1970: .infinity))
                == whole.format(Date(timeIntervalSince1970: .infinity)))
        #expect(RFC3339.format(Date(timeIntervalSince1970: .greatestFiniteMagnitude)) == "506713-02-07T00:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -.infinity)) == "-4713-11-24T12:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: -1e300)) == "-4713-11-24T12:00:00Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: .nan)) == "-4713-11-24T12:00:00.000Z")
        #expect(RFC3339.format(.distantFuture) == whole.format(.distantFuture))
        #expect(RFC3339.format(.distantPast) == "0000-12-30T00:00:00Z")
    }

    @Test func formattedText_ParsesBackToTheSameDate() {
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<20_000 {
            let seconds = Int64.random(in: -62_167_219_200...Self.lastFourDigitYear, using: &generator)
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(RFC3339.parse(RFC3339.format(date)) == date, "\(seconds)")
            let precise = Date(
                timeIntervalSince1970: Double(seconds) + Double(Int.random(in: 1...999, using: &generator)) / 1000)
            let text = RFC3339.format(precise)
            let parsed = RFC3339.parse(text)
            #expect(parsed.map(RFC3339.format) == text, "\(text)")
            #expect(abs((parsed?.timeIntervalSince1970 ?? 0) - precise.timeIntervalSince1970) < 0.000_6, "\(text)")
        }
    }
}
