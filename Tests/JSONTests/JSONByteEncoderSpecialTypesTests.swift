import Foundation
import JSON
import TestValues
import Testing

/// The types `JSONEncoder` writes without their own `encode(to:)`: dates (through the suite's
/// RFC 3339 strategy), data (base64), URLs (absolute string) and decimals.
struct JSONByteEncoderSpecialTypesTests {
    private struct Stamped: Encodable {
        let at: Date
        let maybe: Date?
        let many: [Date]
        let optionals: [Date?]
    }

    @Test func dates_AreRFC3339Strings_Everywhere() {
        let date = Date(timeIntervalSince1970: 1_795_428_000)
        expectJSON(date, #""2026-11-23T10:00:00Z""#)
        expectJSON(Date(timeIntervalSince1970: 1_795_428_000.123), #""2026-11-23T10:00:00.123Z""#)
        expectJSON(["at": date], #"{"at":"2026-11-23T10:00:00Z"}"#)
        expectJSON(Optional(date), #""2026-11-23T10:00:00Z""#)
        expectJSON(Optional(Optional(date)), #""2026-11-23T10:00:00Z""#)
        for sample in SampleValues.notableDates {
            expectSameJSON(sample)
            expectSameJSON(Stamped(at: sample, maybe: sample, many: [sample, sample], optionals: [nil, sample]))
            expectSameJSON(Stamped(at: sample, maybe: nil, many: [], optionals: []))
        }
        var values = SampleValues(seed: 31)
        for _ in 0..<300 { expectSameJSON(["date": values.date()]) }
    }

    @Test func data_IsABase64String() {
        expectJSON(Data(), #""""#)
        expectJSON(Data([0xFB, 0xFF, 0xBF]), #""+/+/""#)
        expectJSON(["blob": Data("hello".utf8)], #"{"blob":"aGVsbG8="}"#)
        var generator = SeededGenerator(seed: 41)
        for length in 0..<40 {
            expectSameJSON(Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        expectSameJSON([Data([1]), Data()])
    }

    @Test func urls_AreTheirAbsoluteString() throws {
        let texts = [
            "https://shop.example/p/42?x=1&y=a%20b#frag", "file:///tmp/a%22b", "mailto:a@b.example", "relative/path",
        ]
        for text in texts {
            let url = try #require(URL(string: text))
            expectSameJSON(url)
            expectSameJSON(["url": url])
            expectSameJSON([url])
        }
        let base = try #require(URL(string: "https://shop.example/a/"))
        let relative = try #require(URL(string: "b/c?d=1", relativeTo: base))
        expectJSON(relative, #""https://shop.example/a/b/c?d=1""#)
    }

    @Test func decimals_AreTheirDescription() throws {
        let texts = ["0", "1.5", "-0.0001", "123456789012345678901234567890", "1e-20", "3.14159265358979323846"]
        for text in texts {
            let decimal = try #require(Decimal(string: text))
            expectSameJSON(decimal)
            expectSameJSON(["d": decimal])
            expectSameJSON([decimal, decimal])
        }
        expectJSON(Decimal(sign: .plus, exponent: -4, significand: 15_000), "1.5")
        for decimal in [Decimal.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastFiniteMagnitude, .pi, .nan] {
            expectSameJSON(decimal)
            expectSameJSON([decimal, decimal])
        }
    }

    @Test func rawRepresentableEnums_AreTheirRawValues() {
        expectJSON([Status.paid, .refunded], #"["paid","refunded"]"#)
        expectJSON([Step.one, .thousand], "[1,1000]")
    }
}
