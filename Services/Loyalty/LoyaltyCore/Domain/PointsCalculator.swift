import Contract
import FoundationEssentials
import Glibc

/// The earning arithmetic of the loyalty program: which lines count, whether a rule's conditions
/// hold, and how many points an award gives. Pure functions over integers: money is in minor
/// units, coefficients are exact ten-thousandths, and every result is rounded exactly once.
public enum PointsCalculator {
    // MARK: - Eligible value

    /// The value of the lines that earn: quantity × unit price (net or gross) summed over the lines
    /// the program's earn eligibility admits and, when the rule names products or categories,
    /// that also belong to its product set. Shipping is not a line and never earns. Negative lines
    /// (e.g. a discount line) reduce the value, which never goes below zero.
    public static func eligibleValue(
        lines: [OrderLine],
        program: LoyaltyProgram,
        basis: ValueBasis,
        conditions: RuleConditions = .none
    ) throws(PointsError) -> Int64 {
        var sum: Int128 = 0
        for line in lines where isEarnEligible(line, program: program) {
            guard conditions.selects(productId: line.productId, category: line.category) else { continue }
            let unit = basis == .net ? line.unitNet : line.unitGross
            // Two Int64 factors always fit Int128; only the running sum can overflow.
            sum = try ExactQuotient.add(sum, Int128(line.quantity) * Int128(unit))
        }
        guard let value = Int64(exactly: max(sum, 0)) else { throw .overflow }
        return value
    }

    /// Whether the program's earn eligibility admits a line.
    public static func isEarnEligible(_ line: OrderLine, program: LoyaltyProgram) -> Bool {
        switch program.earnEligibility {
        case .all:
            true
        case .marked:
            line.productId.isAmong(program.earnProductIds)
        case .allExceptExcluded:
            !line.productId.isAmong(program.earnProductIds)
        case .category:
            program.earnCategory != nil && line.category == program.earnCategory
        }
    }

    // MARK: - Conditions

    /// Whether every condition of the rule holds (the rule's `active` flag is not looked at).
    ///
    /// - The window `validFrom…validTo` is inclusive and is checked at the order's `placedAt`, so
    ///   an order placed during a promotion earns by it even when fulfilled later; without an
    ///   order (newsletter, review) it is checked at `at`.
    /// - `minOrderValue` is compared with the order's `totalGross`, everything included: it is the
    ///   amount the customer sees and pays.
    /// - Products and categories hold when at least one line with a positive quantity belongs to
    ///   the rule's product set.
    /// - A condition about the order never holds without an order.
    public static func conditionsHold(rule: LoyaltyRule, order: OrderFacts?, at: Date) -> Bool {
        let conditions = rule.conditions
        let instant = order?.placedAt ?? at
        if let from = conditions.validFrom, instant < from { return false }
        if let to = conditions.validTo, instant > to { return false }
        if let minimum = conditions.minOrderValue {
            guard let order, order.totalGross >= minimum else { return false }
        }
        if conditions.productIds != nil || conditions.categories != nil {
            guard let order else { return false }
            let matches = order.lines.contains { line in
                line.quantity > 0 && conditions.selects(productId: line.productId, category: line.category)
            }
            if !matches { return false }
        }
        return true
    }

    // MARK: - Awards

    /// The points a rule earns when it is active and its conditions hold, else 0.
    public static func evaluate(
        rule: LoyaltyRule,
        program: LoyaltyProgram,
        order: OrderFacts?,
        coefficient: Coefficient,
        at: Date
    ) throws(PointsError) -> Int64 {
        guard rule.active, conditionsHold(rule: rule, order: order, at: at) else { return 0 }
        return try award(rule: rule, program: program, order: order, coefficient: coefficient)
    }

    /// The points a rule's award gives, conditions aside.
    ///
    /// - fixed: the points; for an order rule in `.points` mode × k, rounded half up. In
    ///   `.requiredAmount` mode a fixed award has no amount for k to scale and stays as it is.
    /// - proportional: round(eligibleValue × points / per) by the award's rounding and step, where
    ///   `.points` mode multiplies the points by k and `.requiredAmount` mode multiplies `per` by
    ///   k; the rational is rounded once, exactly. Without an order it gives 0.
    /// - k applies to order rules only; a newsletter signup or a review earns the same for all.
    public static func award(
        rule: LoyaltyRule,
        program: LoyaltyProgram,
        order: OrderFacts?,
        coefficient: Coefficient
    ) throws(PointsError) -> Int64 {
        let k = rule.action.isOrderAction ? coefficient : .one
        switch rule.award {
        case .fixed(let points):
            return try fixedPoints(points, coefficient: k, target: program.coefficientApplies)
        case .proportional(let award):
            guard let order else { return 0 }
            let value = try eligibleValue(
                lines: order.lines,
                program: program,
                basis: award.basis,
                conditions: rule.conditions
            )
            return try proportionalPoints(award, value: value, coefficient: k, target: program.coefficientApplies)
        }
    }

    /// A fixed award with coefficient k: points × k rounded half up in `.points` mode.
    public static func fixedPoints(
        _ points: Int64,
        coefficient: Coefficient,
        target: CoefficientTarget
    ) throws(PointsError) -> Int64 {
        guard points >= 0 else { throw .invalidAward("points must not be negative") }
        guard target == .points else { return points }
        return try ExactQuotient.round(
            Int128(points),
            times: Int128(coefficient.tenThousandths),
            over: Int128(ExactDecimal.scale),
            rounding: .nearest
        )
    }

    /// A proportional award on a value (minor units) with coefficient k, rounded once.
    public static func proportionalPoints(
        _ award: ProportionalAward,
        value: Int64,
        coefficient: Coefficient,
        target: CoefficientTarget
    ) throws(PointsError) -> Int64 {
        guard award.points >= 0 else { throw .invalidAward("points must not be negative") }
        guard award.per > 0 else { throw .invalidAward("per must be greater than 0") }
        guard value >= 0 else { throw .negativeAmount("value") }
        let k = Int128(coefficient.tenThousandths)
        let scale = Int128(ExactDecimal.scale)
        // value × points fits Int128 (two Int64 factors); the factors of k stay beside it.
        let valueTimesPoints = Int128(value) * Int128(award.points)
        let (times, over): (Int128, Int128) =
            switch target {
            case .points: (k, Int128(award.per) * scale)  // value × points × k / per
            case .requiredAmount: (scale, Int128(award.per) * k)  // value × points / (per × k)
            }
        return try ExactQuotient.round(
            valueTimesPoints,
            times: times,
            over: over,
            rounding: award.rounding,
            step: award.roundTo.rawValue
        )
    }
}
