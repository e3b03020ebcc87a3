import FoundationEssentials
import Glibc

/// The settings of the loyalty program (`GET|PUT /v1/program`): who earns on what, what the
/// coefficient multiplies, and how reward prices in points follow money prices.
public struct LoyaltyProgram: Sendable, Hashable {
    /// Whether cancelling an order takes back the points it earned.
    public var deductOnCancel: Bool
    /// What a customer's coefficient multiplies.
    public var coefficientApplies: CoefficientTarget
    /// Which order lines earn points.
    public var earnEligibility: EarnEligibility
    /// The category that earns when `earnEligibility` is `.category`.
    public var earnCategory: String?
    /// The marked products for `.marked`, the excluded ones for `.allExceptExcluded`.
    public var earnProductIds: [String]
    /// Which products can be exchanged for points.
    public var rewardEligibility: RewardEligibility
    /// The category of rewards when `rewardEligibility` is `.category`.
    public var rewardCategory: String?
    /// The marked rewards for `.marked`, the excluded products for `.allExceptExcluded`.
    public var rewardProductIds: [String]
    /// Points per one major currency unit (100 minor units) of a reward's money price.
    public var pointsPerCurrencyUnit: ExactDecimal
    /// Months after which earned points expire; nil means they never do.
    public var expiryMonths: Int?

    /// Largest accepted `pointsPerCurrencyUnit`: a million points per currency unit.
    public static let maximumPointsPerCurrencyUnit = ExactDecimal(scaled: 1_000_000 * ExactDecimal.scale)
    /// Accepted range of `expiryMonths`: up to a hundred years.
    public static let expiryMonthsRange = 1...1200

    /// The program a new shop starts with: every line earns, every product the admin adds to the
    /// rewards catalogue can be exchanged (none excluded), one point per currency unit, cancelling
    /// deducts, points never expire.
    public static let `default` = LoyaltyProgram(
        deductOnCancel: true,
        coefficientApplies: .points,
        earnEligibility: .all,
        earnProductIds: [],
        rewardEligibility: .allExceptExcluded,
        rewardProductIds: [],
        pointsPerCurrencyUnit: ExactDecimal(scaled: ExactDecimal.scale)
    )

    /// Creates program settings.
    public init(
        deductOnCancel: Bool,
        coefficientApplies: CoefficientTarget,
        earnEligibility: EarnEligibility,
        earnCategory: String? = nil,
        earnProductIds: [String] = [],
        rewardEligibility: RewardEligibility,
        rewardCategory: String? = nil,
        rewardProductIds: [String] = [],
        pointsPerCurrencyUnit: ExactDecimal,
        expiryMonths: Int? = nil
    ) {
        self.deductOnCancel = deductOnCancel
        self.coefficientApplies = coefficientApplies
        self.earnEligibility = earnEligibility
        self.earnCategory = earnCategory
        self.earnProductIds = earnProductIds
        self.rewardEligibility = rewardEligibility
        self.rewardCategory = rewardCategory
        self.rewardProductIds = rewardProductIds
        self.pointsPerCurrencyUnit = pointsPerCurrencyUnit
        self.expiryMonths = expiryMonths
    }

    /// The problems that make these settings unusable; empty when they are fine.
    public func validate() -> [LoyaltyValidationProblem] {
        var problems: [LoyaltyValidationProblem] = []
        if earnEligibility == .category, earnCategory?.isEmpty ?? true {
            problems.append(.init(field: "earnCategory", message: "Earning by category needs a category."))
        }
        if rewardEligibility == .category, rewardCategory?.isEmpty ?? true {
            problems.append(.init(field: "rewardCategory", message: "Rewards by category need a category."))
        }
        if earnProductIds.contains(where: \.isEmpty) {
            problems.append(.init(field: "earnProductIds", message: "Product ids must not be empty."))
        }
        if rewardProductIds.contains(where: \.isEmpty) {
            problems.append(.init(field: "rewardProductIds", message: "Product ids must not be empty."))
        }
        return problems
    }
}
