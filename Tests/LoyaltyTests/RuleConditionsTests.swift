import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Whether a rule's conditions hold for an order or for an event without one.
struct RuleConditionsTests {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)
    private var end: Date { start.addingTimeInterval(86_400) }

    private func holds(_ conditions: RuleConditions, order: OrderFacts?, at: Date? = nil) -> Bool {
        let rule = Fixture.rule(.fixed(points: 1), conditions: conditions)
        return PointsCalculator.conditionsHold(rule: rule, order: order, at: at ?? start)
    }

    private func order(placedAt: Date, gross: Int64 = 1_000) -> OrderFacts {
        Fixture.order([Fixture.line("p1", category: "Books", net: gross, gross: gross)], placedAt: placedAt)
    }

    @Test func noConditions_AlwaysHold() {
        #expect(holds(.none, order: order(placedAt: start)))
        #expect(holds(.none, order: nil))
    }

    @Test func window_IsInclusiveAtBothEnds() {
        let window = RuleConditions(validFrom: start, validTo: end)
        #expect(holds(window, order: order(placedAt: start)))
        #expect(holds(window, order: order(placedAt: end)))
        #expect(!holds(window, order: order(placedAt: start.addingTimeInterval(-1))))
        #expect(!holds(window, order: order(placedAt: end.addingTimeInterval(1))))
    }

    @Test func window_IsCheckedWhenTheOrderWasPlaced_NotWhenItIsProcessed() {
        let window = RuleConditions(validFrom: start, validTo: end)
        let later = end.addingTimeInterval(7 * 86_400)
        #expect(holds(window, order: order(placedAt: start), at: later))
        #expect(!holds(window, order: order(placedAt: later), at: start))
    }

    @Test func window_WithoutAnOrder_IsCheckedAtTheEventTime() {
        let window = RuleConditions(validFrom: start)
        #expect(holds(window, order: nil, at: start))
        #expect(!holds(window, order: nil, at: start.addingTimeInterval(-1)))
    }

    @Test func minOrderValue_ComparesTheTotalGross_Inclusive() {
        let minimum = RuleConditions(minOrderValue: 1_000)
        #expect(holds(minimum, order: order(placedAt: start, gross: 1_000)))
        #expect(!holds(minimum, order: order(placedAt: start, gross: 999)))
        let withShipping = Fixture.order([Fixture.line(net: 900, gross: 900)], totalGross: 1_050)
        #expect(holds(minimum, order: withShipping))
    }

    @Test func orderConditions_NeverHoldWithoutAnOrder() {
        #expect(!holds(RuleConditions(minOrderValue: 0), order: nil))
        #expect(!holds(RuleConditions(productIds: ["p1"]), order: nil))
        #expect(!holds(RuleConditions(categories: ["Books"]), order: nil))
    }

    @Test func products_HoldWhenAtLeastOneLineMatches() {
        let mixed = Fixture.order([Fixture.line("p1", net: 100), Fixture.line("p2", net: 100)])
        #expect(holds(RuleConditions(productIds: ["p2", "p9"]), order: mixed))
        #expect(!holds(RuleConditions(productIds: ["p9"]), order: mixed))
    }

    @Test func products_IgnoreLinesWithZeroQuantity() {
        let zero = Fixture.order([Fixture.line("p1", quantity: 0, net: 100)])
        #expect(!holds(RuleConditions(productIds: ["p1"]), order: zero))
    }

    @Test func categories_HoldWhenALineIsInOne() {
        #expect(holds(RuleConditions(categories: ["Toys", "Books"]), order: order(placedAt: start)))
        #expect(!holds(RuleConditions(categories: ["Toys"]), order: order(placedAt: start)))
    }

    @Test func allConditions_MustHoldTogether() {
        let conditions = RuleConditions(minOrderValue: 500, validFrom: start, validTo: end, productIds: ["p1"])
        #expect(holds(conditions, order: order(placedAt: start, gross: 500)))
        #expect(!holds(conditions, order: order(placedAt: start, gross: 499)))
        #expect(!holds(conditions, order: order(placedAt: end.addingTimeInterval(1), gross: 500)))
    }

    @Test func evaluate_GivesZero_WhenTheRuleIsOffOrItsConditionsFail() throws {
        var rule = Fixture.rule(.fixed(points: 25), conditions: RuleConditions(minOrderValue: 2_000))
        let big = order(placedAt: start, gross: 2_000)
        let small = order(placedAt: start, gross: 1_999)
        #expect(
            try PointsCalculator.evaluate(rule: rule, program: .default, order: big, coefficient: .one, at: start) == 25
        )
        #expect(
            try PointsCalculator.evaluate(rule: rule, program: .default, order: small, coefficient: .one, at: start)
                == 0
        )
        rule.active = false
        #expect(
            try PointsCalculator.evaluate(rule: rule, program: .default, order: big, coefficient: .one, at: start) == 0
        )
    }
}
