import Contract
import FoundationEssentials
import Glibc

/// What one rule will award one order, decided once, when loyalty first sees the order.
public struct PlannedAward: Sendable, Hashable {
    public var rule: RuleReference
    public var points: Int64
    /// The status that credits it.
    public var trigger: OrderStatus
    /// The value basis its refunds are measured on.
    public var refundBasis: ValueBasis
}

/// Decides an order's awards from the program, the active order rules and the customer's
/// coefficient of that moment. Later changes to rules or settings do not touch an order already
/// seen: what it earns is fixed when it arrives, as a receipt is.
public enum OrderAwardPlan {
    /// The awards of every active order rule whose conditions hold and that gives points.
    public static func plan(
        rules: [LoyaltyRule],
        program: LoyaltyProgram,
        order: OrderFacts,
        coefficient: Coefficient,
        at now: Date
    ) throws(PointsError) -> [PlannedAward] {
        var awards: [PlannedAward] = []
        for rule in rules where rule.active && rule.action.isOrderAction {
            guard let id = rule.id, let trigger = OrderProgress.trigger(of: rule) else { continue }
            let points = try PointsCalculator.evaluate(
                rule: rule, program: program, order: order, coefficient: coefficient, at: now
            )
            guard points > 0 else { continue }
            awards.append(
                PlannedAward(
                    rule: RuleReference(id: id, name: rule.name), points: points, trigger: trigger,
                    refundBasis: OrderProgress.refundBasis(of: rule.award)
                ))
        }
        return awards
    }

    /// The points active rules of `action` give for a newsletter signup or a review (no order,
    /// no coefficient), per rule.
    public static func activityAwards(
        rules: [LoyaltyRule],
        action: LoyaltyAction,
        program: LoyaltyProgram,
        at now: Date
    ) throws(PointsError) -> [(rule: RuleReference, points: Int64)] {
        var awards: [(rule: RuleReference, points: Int64)] = []
        for rule in rules where rule.active && rule.action == action {
            guard let id = rule.id else { continue }
            let points = try PointsCalculator.evaluate(
                rule: rule, program: program, order: nil, coefficient: .one, at: now)
            if points > 0 { awards.append((RuleReference(id: id, name: rule.name), points)) }
        }
        return awards
    }
}
