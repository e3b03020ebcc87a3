import Foundation

/// Field values for building values in tests (contract types, trees for the JSON encoder), drawn from a seeded generator: awkward
/// strings (quotes, backslashes, slashes, control characters, accents, emoji), extreme and
/// negative numbers, dates with and without milliseconds, before 1970 and far ahead, optionals
/// nil about half the time and arrays that are often empty.
public struct SampleValues {
    /// Strings that exercise every rule of JSON string escaping.
    public static let awkwardStrings = [
        "", "plain", "C-1042", "quote \" and backslash \\ and slash /", "</script><!--",
        "control \u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F} end", "delete \u{7F}",
        "Ľubomír Šťastný, Žilina", "Größe ÄÖÜ ß", "日本語のテキスト", "emoji 😀👍🏽👨‍👩‍👧 🇸🇰",
        "line\u{2028}separator\u{2029}", "e\u{301} vs é", "tab\tnew\nline\rreturn",
        "https://shop.example/p/42?x=1&y=2", "{\"json\": [1, 2]}", " leading and trailing ",
    ]

    /// Dates the suite stores and a few it never should.
    public static let notableDates: [Date] = [
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: 1_795_428_000),  // 2026-11-23T10:00:00Z
        Date(timeIntervalSince1970: 1_795_428_000.123),
        Date(timeIntervalSince1970: Double(1_732_356_000_123) / 1000),  // as the store reads milliseconds
        Date(timeIntervalSince1970: 1_795_428_000.000_4),
        Date(timeIntervalSince1970: 1_795_428_000.999_6),
        Date(timeIntervalSince1970: -1),
        Date(timeIntervalSince1970: -0.5),
        Date(timeIntervalSince1970: -86_400 * 365 * 50 + 0.25),
        Date(timeIntervalSince1970: 253_402_300_799),  // 9999-12-31T23:59:59Z
        Date(timeIntervalSince1970: 253_402_300_800),  // 10000-01-01
        Date(timeIntervalSinceReferenceDate: 0),
    ]

    /// The generator behind the values, for drawing other things from the same sequence.
    public var generator: SeededGenerator

    /// Values drawn from the generator seeded with `seed`: the same seed, the same values.
    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// A coin toss.
    public mutating func bool() -> Bool { Bool.random(using: &generator) }

    /// An awkward string, or a random one of ASCII, control, Latin, CJK and emoji scalars.
    public mutating func string() -> String {
        if Int.random(in: 0..<3, using: &generator) > 0 {
            return Self.awkwardStrings.randomElement(using: &generator) ?? ""
        }
        // Random scalars from ASCII, control characters, Latin, CJK and emoji ranges.
        let ranges: [ClosedRange<UInt32>] = [0x0...0x7F, 0x0...0x1F, 0xA0...0x17F, 0x3040...0x30FF, 0x1F600...0x1F64F]
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            let range = ranges.randomElement(using: &generator) ?? 0x20...0x7E
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// An extreme, negative, small or random 64-bit integer.
    public mutating func int64() -> Int64 {
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: [Int64.max, Int64.min, 0, -1, 1, 9_007_199_254_740_993].randomElement(using: &generator) ?? 0
        case 1: Int64.random(in: Int64.min...Int64.max, using: &generator)
        case 2: Int64.random(in: -1_000...0, using: &generator)
        default: Int64.random(in: 0...100_000, using: &generator)
        }
    }

    /// An `int64()` as an `Int`.
    public mutating func int() -> Int { Int(int64()) }

    /// A notable, integral, random-bit or ordinary finite double.
    public mutating func double() -> Double {
        switch Int.random(in: 0..<5, using: &generator) {
        case 0:
            return [
                0, -0.0, 1, -1, 0.1, 1e-5, 1e20, 1e300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123.456, 1e16,
            ]
            .randomElement(using: &generator) ?? 0
        case 1: return Double(int64())
        case 2: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)).nonNaN
        default: return Double.random(in: -1e6...1e6, using: &generator)
        }
    }

    /// A small count, 0–3 (array lengths).
    public mutating func count() -> Int { Int.random(in: 0...3, using: &generator) }

    /// A notable date, a whole second, or a millisecond between 1900 and 2100.
    public mutating func date() -> Date {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            return Self.notableDates.randomElement(using: &generator) ?? Date(timeIntervalSince1970: 0)
        case 1:
            return Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800, using: &generator)))
        default:
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
    }

    /// `make`'s value, or nil about half the time.
    public mutating func optional<Value>(_ make: (inout SampleValues) -> Value) -> Value? {
        bool() ? make(&self) : nil
    }

    /// 0–3 of `make`'s values.
    public mutating func array<Value>(_ make: (inout SampleValues) -> Value) -> [Value] {
        (0..<count()).map { _ in make(&self) }
    }

    /// One case of `type`.
    public mutating func pick<Value: CaseIterable>(_ type: Value.Type) -> Value {
        Array(Value.allCases)[Int.random(in: 0..<Value.allCases.count, using: &generator)]
    }

}

private extension Double {
    /// Finite values only: the random bit patterns must not hit NaN or infinity, which JSON lacks.
    var nonNaN: Double { isFinite ? self : 0 }
}
