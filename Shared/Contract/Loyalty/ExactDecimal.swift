import FoundationEssentials
import Glibc

/// An exact decimal with at most four fractional digits, stored as an integer count of
/// ten-thousandths; on the wire it is a plain JSON number (`1.5`, `0.0001`, `1e2`).
///
/// Rates and coefficients are written by people as decimals, and a binary `Double` cannot hold
/// most of them (0.1 is not representable), so points computed from them would drift. Decoding
/// goes through `Decimal`, whose JSON decoding keeps the digits of the number as written, and
/// then through an exact text parser; nothing is ever multiplied as a `Double`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Units per 1: the value is `scaled / scale`.
    public static let scale: Int64 = 10_000
    /// Number of fractional digits that `scale` holds.
    public static let fractionDigits = 4

    /// The value in ten-thousandths (1.5 is 15000).
    public let scaled: Int64

    /// Creates a value from its count of ten-thousandths.
    public init(scaled: Int64) {
        self.scaled = scaled
    }

    /// Creates a whole number, or nil when it does not fit once scaled.
    public init?(whole: Int64) {
        let (value, overflow) = whole.multipliedReportingOverflow(by: Self.scale)
        if overflow { return nil }
        self.scaled = value
    }

    /// Parses decimal text such as `1.5`, `-0.25`, `0.0001` or `1e2`; nil when the text is not a
    /// number, has more than four non-zero fractional digits, or does not fit.
    public init?(_ text: String) {
        guard let scaled = Self.parseScaled(text) else { return nil }
        self.scaled = scaled
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.scaled < rhs.scaled
    }

    /// The shortest plain decimal text: `1.5`, `0.0001`, `100`, `-2.25`.
    public var description: String {
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(Self.scale)
        let fraction = magnitude % UInt64(Self.scale)
        var text = scaled < 0 ? "-\(whole)" : "\(whole)"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: Self.fractionDigits - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// The value as a Foundation `Decimal`, exact (used to encode it as a JSON number).
    public var decimalValue: Decimal {
        let significand = Decimal(scaled.magnitude)
        return Decimal(sign: scaled < 0 ? .minus : .plus, exponent: -Self.fractionDigits, significand: significand)
    }

    // MARK: - Parsing

    /// Exact parse of `[-+]digits[.digits][(e|E)[-+]digits]` into ten-thousandths.
    static func parseScaled(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var fractionCount = 0
        var seenPoint = false
        var seenDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                seenDigit = true
                // Leading zeros carry no value; dropping them keeps huge zero-padded input cheap.
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if seenPoint { fractionCount += 1 }
            } else {
                return nil
            }
        }
        guard seenDigit else { return nil }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            guard let parsed = parseExponent(bytes) else { return nil }
            exponent = parsed
        }
        if digits.isEmpty { return 0 }
        // value = digits × 10^(exponent − fractionCount); scaled = digits × 10^shift.
        let shift = exponent - fractionCount + fractionDigits
        if shift < 0 {
            // The digits below ten-thousandths must all be zero, or the value has too many decimals.
            let dropped = min(-shift, digits.count)
            guard digits.suffix(dropped).allSatisfy({ $0 == 0 }) else { return nil }
            digits.removeLast(dropped)
        }
        var value: Int64 = 0
        for digit in digits {
            guard let next = checkedAppend(value, digit: Int64(digit)) else { return nil }
            value = next
        }
        if shift > 0 {
            guard shift <= 19 else { return value == 0 ? 0 : nil }
            for _ in 0..<shift {
                let (next, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = next
            }
        }
        return negative ? -value : value
    }

    private static func checkedAppend(_ value: Int64, digit: Int64) -> Int64? {
        let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(digit)
        return overflow1 || overflow2 ? nil : sum
    }

    private static func parseExponent(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var value = 0
        for byte in rest {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            // Any exponent past a few hundred already over- or underflows an Int64 of ten-thousandths.
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 100_000)
        }
        return negative ? -value : value
    }
}
