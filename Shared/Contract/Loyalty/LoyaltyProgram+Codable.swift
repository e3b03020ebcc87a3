import FoundationEssentials
import Glibc

/// Decodes program settings, rejecting out-of-range numbers with an error naming the field;
/// the product lists may be left out and mean "none".
extension LoyaltyProgram: Codable {
    private enum CodingKeys: String, CodingKey {
        case deductOnCancel, coefficientApplies, earnEligibility, earnCategory, earnProductIds
        case rewardEligibility, rewardCategory, rewardProductIds, pointsPerCurrencyUnit, expiryMonths
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let rate = try container.decode(ExactDecimal.self, forKey: .pointsPerCurrencyUnit)
        guard rate.scaled > 0, rate <= Self.maximumPointsPerCurrencyUnit else {
            throw DecodingError.dataCorruptedError(
                forKey: .pointsPerCurrencyUnit,
                in: container,
                debugDescription: "Must be greater than 0 and at most \(Self.maximumPointsPerCurrencyUnit)."
            )
        }
        let expiry = try container.decodeIfPresent(Int.self, forKey: .expiryMonths)
        if let expiry, !Self.expiryMonthsRange.contains(expiry) {
            throw DecodingError.dataCorruptedError(
                forKey: .expiryMonths,
                in: container,
                debugDescription: "Must be between 1 and 1200 months, or absent for no expiry."
            )
        }
        self.init(
            deductOnCancel: try container.decode(Bool.self, forKey: .deductOnCancel),
            coefficientApplies: try container.decode(CoefficientTarget.self, forKey: .coefficientApplies),
            earnEligibility: try container.decode(EarnEligibility.self, forKey: .earnEligibility),
            earnCategory: try container.decodeIfPresent(String.self, forKey: .earnCategory),
            earnProductIds: try container.decodeIfPresent([String].self, forKey: .earnProductIds) ?? [],
            rewardEligibility: try container.decode(RewardEligibility.self, forKey: .rewardEligibility),
            rewardCategory: try container.decodeIfPresent(String.self, forKey: .rewardCategory),
            rewardProductIds: try container.decodeIfPresent([String].self, forKey: .rewardProductIds) ?? [],
            pointsPerCurrencyUnit: rate,
            expiryMonths: expiry
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(deductOnCancel, forKey: .deductOnCancel)
        try container.encode(coefficientApplies, forKey: .coefficientApplies)
        try container.encode(earnEligibility, forKey: .earnEligibility)
        try container.encodeIfPresent(earnCategory, forKey: .earnCategory)
        try container.encode(earnProductIds, forKey: .earnProductIds)
        try container.encode(rewardEligibility, forKey: .rewardEligibility)
        try container.encodeIfPresent(rewardCategory, forKey: .rewardCategory)
        try container.encode(rewardProductIds, forKey: .rewardProductIds)
        try container.encode(pointsPerCurrencyUnit, forKey: .pointsPerCurrencyUnit)
        try container.encodeIfPresent(expiryMonths, forKey: .expiryMonths)
    }
}
