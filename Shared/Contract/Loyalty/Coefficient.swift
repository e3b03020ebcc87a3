import FoundationEssentials
import Glibc

/// A customer's correction coefficient k: an exact decimal in (0, 1000] with at most four
/// decimal places, 1 unless the admin sets another. The program decides whether k multiplies
/// the earned points or the purchase amount required for them.
public struct Coefficient: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The smallest allowed value, 0.0001, in ten-thousandths.
    public static let minimumScaled: Int64 = 1
    /// The largest allowed value, 1000, in ten-thousandths.
    public static let maximumScaled: Int64 = 1000 * ExactDecimal.scale
    /// The neutral coefficient every customer starts with.
    public static let one = Coefficient(checked: ExactDecimal.scale)

    /// The exact value.
    public let value: ExactDecimal

    /// The value in ten-thousandths (1.5 is 15000).
    public var tenThousandths: Int64 { value.scaled }

    /// Creates a coefficient, or nil when it is not in (0, 1000].
    public init?(_ value: ExactDecimal) {
        guard Self.isAllowed(value.scaled) else { return nil }
        self.value = value
    }

    /// Creates a coefficient from ten-thousandths, or nil when it is not in (0, 1000].
    public init?(tenThousandths: Int64) {
        self.init(ExactDecimal(scaled: tenThousandths))
    }

    /// Parses decimal text such as `1.5`; nil when it is not a number in (0, 1000] with at most
    /// four decimal places.
    public init?(_ text: String) {
        guard let value = ExactDecimal(text) else { return nil }
        self.init(value)
    }

    private init(checked scaled: Int64) {
        self.value = ExactDecimal(scaled: scaled)
    }

    /// Whether a count of ten-thousandths is an allowed coefficient.
    public static func isAllowed(_ scaled: Int64) -> Bool {
        (minimumScaled...maximumScaled).contains(scaled)
    }

    public static func < (lhs: Coefficient, rhs: Coefficient) -> Bool {
        lhs.value < rhs.value
    }

    public var description: String { value.description }
}

/// Codes a `Coefficient` as a JSON number and rejects values outside (0, 1000].
extension Coefficient: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try ExactDecimal(from: decoder)
        guard Self.isAllowed(value.scaled) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "A coefficient must be greater than 0 and at most 1000, got \(value)."
                )
            )
        }
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
