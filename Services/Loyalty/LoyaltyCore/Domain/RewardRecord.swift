import Contract
import FoundationEssentials
import Glibc

/// A product of the rewards catalogue as stored; its price in points and eligibility follow
/// from the program at the time they are asked for.
public struct RewardRecord: Sendable, Hashable {
    public var productId: String
    public var name: String
    public var category: String?
    public var moneyPrice: Int64?
    public var currency: String?
    /// The price in points set by hand (`pointsPrice` on the wire).
    public var manualPoints: Int64?
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a record.
    public init(
        productId: String, name: String, category: String?, moneyPrice: Int64?, currency: String?,
        manualPoints: Int64?, active: Bool, createdAt: Date, updatedAt: Date
    ) {
        self.productId = productId
        self.name = name
        self.category = category
        self.moneyPrice = moneyPrice
        self.currency = currency
        self.manualPoints = manualPoints
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The price in points under `program` (a price set by hand wins).
    public func pointsPrice(program: LoyaltyProgram) throws(PointsError) -> Int64 {
        try PointsCalculator.rewardPrice(manualPoints: manualPoints, moneyPrice: moneyPrice, program: program)
    }

    /// Whether the program lets customers exchange points for it.
    public func isEligible(program: LoyaltyProgram) -> Bool {
        PointsCalculator.isRewardEligible(productId: productId, category: category, program: program)
    }

    /// Whether a customer can order it now: active, eligible and priced above zero.
    public func isOrderable(program: LoyaltyProgram) -> Bool {
        active && isEligible(program: program) && ((try? pointsPrice(program: program)) ?? 0) > 0
    }

    /// The wire form under `program`.
    public func view(program: LoyaltyProgram) throws(PointsError) -> Reward {
        Reward(
            productId: productId, name: name, category: category, moneyPrice: moneyPrice, currency: currency,
            pointsPrice: try pointsPrice(program: program), pointsPriceSetByHand: manualPoints != nil,
            active: active, eligible: isEligible(program: program), createdAt: createdAt, updatedAt: updatedAt
        )
    }

    /// The problems of a reward request, each naming its field; empty when it is fine.
    public static func problems(of input: RewardInput, productId: String) -> [LoyaltyValidationProblem] {
        var problems: [LoyaltyValidationProblem] = []
        if let problem = InputRules.identifierProblem(productId, field: "productId", kind: ProductIdKind.self) {
            problems.append(problem)
        }
        if let problem = InputRules.textProblem(input.name, field: "name", limit: InputRules.maximumNameLength) {
            problems.append(problem)
        }
        if let category = input.category, let problem = InputRules.labelProblem(category, field: "category") {
            problems.append(problem)
        }
        if let moneyPrice = input.moneyPrice, moneyPrice < 0 {
            problems.append(.init(field: "moneyPrice", message: "Must not be negative (minor units)."))
        }
        if let currency = input.currency, !Currency.isKnown(currency) {
            problems.append(
                .init(
                    field: "currency",
                    message: "Must be an ISO 4217 code such as PLN, got \"\(currency.prefix(10))\"."))
        }
        if input.moneyPrice != nil, input.currency == nil {
            problems.append(.init(field: "currency", message: "A money price needs its currency."))
        }
        if input.currency != nil, input.moneyPrice == nil {
            problems.append(.init(field: "moneyPrice", message: "A currency needs a money price."))
        }
        if let points = input.pointsPrice, points <= 0 {
            problems.append(
                .init(field: "pointsPrice", message: "Must be greater than 0, or left out to compute the price."))
        }
        if input.pointsPrice == nil, input.moneyPrice == nil {
            problems.append(
                .init(
                    field: "pointsPrice",
                    message: "Give a price in points, or a money price and currency to compute it from."))
        }
        return problems
    }
}
