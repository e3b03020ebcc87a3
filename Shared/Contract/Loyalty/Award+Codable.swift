import FoundationEssentials
import Glibc

/// Codes an `Award` on its `type` field and rejects anything outside the domain with a
/// `DecodingError.dataCorrupted` whose coding path names the offending field.
extension Award: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, points, per, basis, rounding, roundTo
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        let points = try container.decode(Int64.self, forKey: .points)
        guard points >= 0 else {
            throw Self.corrupted(.points, in: container, "Points must not be negative, got \(points).")
        }
        switch type {
        case "fixed":
            self = .fixed(points: points)
        case "proportional":
            let per = try container.decode(Int64.self, forKey: .per)
            guard per > 0 else {
                throw Self.corrupted(.per, in: container, "The amount per award must be greater than 0, got \(per).")
            }
            let basis = try Self.decodeEnum(ValueBasis.self, .basis, in: container)
            let rounding = try Self.decodeEnum(PointsRounding.self, .rounding, in: container)
            let step = try container.decode(Int64.self, forKey: .roundTo)
            guard let roundTo = RoundingStep(rawValue: step) else {
                throw Self.corrupted(.roundTo, in: container, "Expected 1, 10, 100 or 1000, got \(step).")
            }
            self = .proportional(
                ProportionalAward(points: points, per: per, basis: basis, rounding: rounding, roundTo: roundTo)
            )
        default:
            throw Self.corrupted(.type, in: container, "Expected \"fixed\" or \"proportional\", got \"\(type)\".")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fixed(let points):
            try container.encode("fixed", forKey: .type)
            try container.encode(points, forKey: .points)
        case .proportional(let award):
            try container.encode("proportional", forKey: .type)
            try container.encode(award.points, forKey: .points)
            try container.encode(award.per, forKey: .per)
            try container.encode(award.basis, forKey: .basis)
            try container.encode(award.rounding, forKey: .rounding)
            try container.encode(award.roundTo, forKey: .roundTo)
        }
    }

    /// Decodes a string-backed enum, naming the allowed values when the string is not one of them.
    private static func decodeEnum<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type,
        _ key: CodingKeys,
        in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Value where Value.RawValue == String {
        let raw = try container.decode(String.self, forKey: key)
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw corrupted(key, in: container, "Expected one of \(allowed), got \"\(raw)\".")
        }
        return value
    }

    private static func corrupted(
        _ key: CodingKeys,
        in container: KeyedDecodingContainer<CodingKeys>,
        _ message: String
    ) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
    }
}
