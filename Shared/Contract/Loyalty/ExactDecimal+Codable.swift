import FoundationEssentials
import Glibc

/// Codes an `ExactDecimal` as a JSON number, never as a string and never through `Double`.
extension ExactDecimal: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // JSONDecoder decodes `Decimal` from the number's own digits, so `0.0001` stays exact.
        let decimal = try container.decode(Decimal.self)
        guard let scaled = Self.parseScaled(decimal.description) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected a number with at most 4 decimal places, got \(decimal)."
                )
            )
        }
        self.init(scaled: scaled)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimalValue)
    }
}
