import FoundationEssentials
import Glibc

/// What a customer's correction coefficient multiplies ("korekční koeficient").
public enum CoefficientTarget: String, Codable, Sendable, Hashable, CaseIterable {
    /// k multiplies the earned points: k = 2 earns twice as many.
    case points
    /// k multiplies the purchase amount required per award: k = 2 needs twice the spending.
    case requiredAmount
}

/// Which order lines earn points.
public enum EarnEligibility: String, Codable, Sendable, Hashable, CaseIterable {
    /// Every line.
    case all
    /// Only lines whose product is in `earnProductIds`.
    case marked
    /// Every line except those whose product is in `earnProductIds`.
    case allExceptExcluded
    /// Only lines whose category equals `earnCategory`.
    case category
}

/// Which products can be exchanged for points.
public enum RewardEligibility: String, Codable, Sendable, Hashable, CaseIterable {
    /// Only products in `rewardProductIds`.
    case marked
    /// Every product except those in `rewardProductIds`.
    case allExceptExcluded
    /// Only products whose category equals `rewardCategory`.
    case category
}
