import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Factories with defaults for the points tests.
enum Fixture {
    static let placedAt = Date(timeIntervalSince1970: 1_700_000_000)

    static func line(
        _ productId: ProductId = "p1",
        category: String? = nil,
        quantity: Int64 = 1,
        net: Int64,
        gross: Int64? = nil
    ) -> OrderLine {
        OrderLine(
            productId: productId,
            name: "Product \(productId)",
            category: category,
            quantity: quantity,
            unitNet: net,
            unitGross: gross ?? net
        )
    }

    static func order(_ lines: [OrderLine], totalGross: Int64? = nil, placedAt: Date = placedAt) -> OrderFacts {
        let net = lines.reduce(Int64(0)) { $0 &+ $1.quantity &* $1.unitNet }
        let gross = lines.reduce(Int64(0)) { $0 &+ $1.quantity &* $1.unitGross }
        return OrderFacts(lines: lines, totalNet: net, totalGross: totalGross ?? gross, placedAt: placedAt)
    }

    static func program(
        coefficientApplies: CoefficientTarget = .points,
        earn: EarnEligibility = .all,
        earnCategory: String? = nil,
        earnProductIds: [String] = []
    ) -> LoyaltyProgram {
        var program = LoyaltyProgram.default
        program.coefficientApplies = coefficientApplies
        program.earnEligibility = earn
        program.earnCategory = earnCategory
        program.earnProductIds = earnProductIds
        return program
    }

    static func proportional(
        points: Int64 = 1,
        per: Int64,
        basis: ValueBasis = .net,
        rounding: PointsRounding = .down,
        roundTo: RoundingStep = .one
    ) -> Award {
        .proportional(ProportionalAward(points: points, per: per, basis: basis, rounding: rounding, roundTo: roundTo))
    }

    static func rule(
        _ award: Award,
        action: LoyaltyAction = .orderCreated,
        conditions: RuleConditions = .none
    ) -> LoyaltyRule {
        LoyaltyRule(name: "Test rule", action: action, conditions: conditions, award: award)
    }

    static func k(_ text: String) throws -> Coefficient {
        try #require(Coefficient(text))
    }
}
