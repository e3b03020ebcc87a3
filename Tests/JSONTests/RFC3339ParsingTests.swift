import Foundation
import JSON
import TestValues
import Testing

/// `RFC3339.parse` against the `Date.ISO8601FormatStyle` parsing it replaces: the same `Date`,
/// to the last bit, for every timestamp both accept; nothing accepted that the format style
/// rejected (but a lower-case `t`); and no trap on any input.
struct RFC3339ParsingTests {
    private let whole = Date.ISO8601FormatStyle(timeZone: .gmt)
    private let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    private func formatStyleParse(_ text: String) -> Date? {
        (try? whole.parse(text)) ?? (try? fractional.parse(text))
    }

    private func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A valid timestamp: random instant since 1583, 0–9 fraction digits, `Z`, `z` or an offset.
    private func randomTimestamp(_ generator: inout SeededGenerator) -> String {
        let seconds = Int64.random(in: -12_212_553_600...253_402_300_799, using: &generator)
        var text = String(whole.format(Date(timeIntervalSince1970: Double(seconds))).dropLast())
        if Int.random(in: 0..<10, using: &generator) == 0 { text = text.dropLast(2) + "60" }
        let digits = Int.random(in: 0...9, using: &generator)
        if digits > 0 {
            text += "." + (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
        }
        let hours = Int64.random(in: 0...17, using: &generator)
        let minutes = Int64.random(in: 0...59, using: &generator)
        let sign = Bool.random(using: &generator) ? "+" : "-"
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: text += "Z"
        case 1: text += "z"
        case 2: text += sign + padded(hours, 2) + ":" + padded(minutes, 2)
        case 3: text += sign + padded(hours, 2) + padded(minutes, 2)
        default: text += sign + padded(hours, 2)
        }
        return text
    }

    @Test func validTimestamps_GiveTheFormatStylesDate_ToTheLastBit() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<30_000 {
            let text = randomTimestamp(&generator)
            let ours = RFC3339.parse(text)
            #expect(ours != nil, "\(text)")
            #expect(ours == formatStyleParse(text), "\(text)")
        }
    }

    @Test func examples_ParseToTheirInstant() {
        let cases: [(String, Double)] = [
            ("2026-11-23T10:00:00Z", 1_795_428_000),
            ("2026-11-23T10:00:00.5Z", 1_795_428_000.5),
            ("2026-11-23T11:30:00+01:30", 1_795_428_000),
            ("2026-11-23T08:30:00-0130", 1_795_428_000),
            ("2026-11-23T05:00:00-05", 1_795_428_000),
            ("2026-11-23t10:00:00z", 1_795_428_000),
            ("2026-11-23T09:59:60Z", 1_795_428_000),  // a leap second reads as the next minute
            ("0000-01-01T00:00:00Z", -62_167_219_200),
        ]
        for (text, seconds) in cases {
            #expect(RFC3339.parse(text)?.timeIntervalSince1970 == seconds, "\(text)")
        }
    }

    @Test func malformedTimestamps_AreRejected_AsTheFormatStyleRejectedThem() {
        let texts = [
            "", "2026", "2026-11-23", "2026-11-23T", "2026-11-23T10:00", "2026-11-23T10:00:00",
            "2026-11-23T10:00:00+", "2026-11-23T10:00:00.Z", "2026-11-23T10:00:00,5Z",
            "2026-11-23T10:00:00.1234567891Z", "2026-13-40T25:61:61Z", "2026-00-10T10:00:00Z",
            "2026-12-00T10:00:00Z", "2026-99-99T10:00:00Z", "2026-11-23 10:00:00Z", "２０２６-11-23T10:00:00Z",
            "2026-11-23T10:00:00Ż", "2026-11-23T10:00:00+24:00", "2026-11-23T10:00:00+18:01",
            "-0001-01-01T00:00:00Z",
        ]
        for text in texts {
            #expect(RFC3339.parse(text) == nil, "\(text)")
            #expect(formatStyleParse(text) == nil, "\(text)")
        }
    }

    @Test func looseTimestamps_TheFormatStyleAccepted_AreRejectedOnPurpose() {
        // Not RFC 3339: trailing text, GMT/UTC names, short or long fields, days a month lacks
        // and minutes or seconds past the end (the format style rolled them over), hour 24.
        let texts = [
            "2026-11-23T10:00:00Zjunk", "2026-11-23T10:00:00GMT", "2026-11-23T10:00:00UTC+02:00",
            "2026-1-2T3:4:5Z", "26-11-23T10:00:00Z", "02026-11-23T10:00:00Z", "12026-11-23T10:00:00Z",
            "2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-11-31T10:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23T10:60:00Z", "2026-11-23T10:00:61Z",
            "2026-11-23T10:00:00+0000junk",
        ]
        for text in texts {
            #expect(RFC3339.parse(text) == nil, "\(text)")
            #expect(formatStyleParse(text) != nil, "\(text)")
        }
        #expect(RFC3339.parse("2024-02-29T10:00:00Z") != nil)
    }

    @Test func mutatedTimestamps_NeverParseToSomethingTheFormatStyleWouldNot() {
        var generator = SeededGenerator(seed: 99)
        let alphabet = Array("0123456789-:+.TZtzZ ,é\u{0}".unicodeScalars)
        for _ in 0..<30_000 {
            var scalars = Array(randomTimestamp(&generator).unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: scalars[position] = alphabet.randomElement(using: &generator) ?? "0"
                case 1: scalars.remove(at: position)
                default: scalars.insert(alphabet.randomElement(using: &generator) ?? "0", at: position)
                }
                if scalars.isEmpty { break }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            // Before 1582-10-15 the format style counts Julian days, so only later dates compare.
            guard let ours = RFC3339.parse(text), ours.timeIntervalSince1970 >= -12_219_292_800 else { continue }
            // Where we accept, the format style accepts the same instant (a lower-case `t` aside).
            let comparable = text.replacingOccurrences(of: "t", with: "T")
            #expect(formatStyleParse(comparable) == ours, "\(text)")
        }
    }

    @Test func hostileInput_IsRejectedWithoutTrapping() {
        let valid = "2026-11-23T10:00:00.123456789+05:30"
        for length in 0..<valid.utf8.count {
            let prefix = String(decoding: Array(valid.utf8.prefix(length)), as: UTF8.self)
            // Only "…+05", an offset of whole hours, is itself a timestamp.
            #expect((RFC3339.parse(prefix) == nil) == (length != 32), "\(prefix)")
        }
        #expect(RFC3339.parse("2026-11-23T10:00:00." + String(repeating: "9", count: 20) + "Z") == nil)
        #expect(RFC3339.parse(String(repeating: "2026-11-23T10:00:00Z", count: 500)) == nil)
        #expect(RFC3339.parse("9999-99-99T99:99:99.999999999+99:99") == nil)
        #expect(RFC3339.parse("2026-11-23T10:00:00\u{0}") == nil)
        #expect(RFC3339.parse("2026-11-23T10:00:00Z\u{301}") == nil)
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...45, using: &generator)).map { _ in
                Bool.random(using: &generator)
                    ? UInt8.random(in: 0...255, using: &generator)
                    : Array("0123456789-:T.Z+".utf8).randomElement(using: &generator) ?? 0
            }
            _ = RFC3339.parse(String(decoding: bytes, as: UTF8.self))
        }
    }
}
