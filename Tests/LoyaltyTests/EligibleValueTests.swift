import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Which lines count toward the value a proportional award is computed from.
struct EligibleValueTests {
    private let lines = [
        Fixture.line("book", category: "Books", quantity: 2, net: 1_000, gross: 1_230),
        Fixture.line("mug", category: "Kitchen", quantity: 1, net: 500, gross: 615),
        Fixture.line("pen", category: nil, quantity: 3, net: 100, gross: 123),
    ]

    @Test func allEligibility_SumsQuantityTimesUnitPrice_OnTheChosenBasis() throws {
        let program = Fixture.program(earn: .all)
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net) == 2_800)
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .gross) == 3_444)
    }

    @Test func markedEligibility_CountsOnlyMarkedProducts() throws {
        let program = Fixture.program(earn: .marked, earnProductIds: ["mug", "pen"])
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net) == 800)
    }

    @Test func markedEligibility_WithNothingMarked_CountsNothing() throws {
        let program = Fixture.program(earn: .marked)
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net) == 0)
    }

    @Test func allExceptExcluded_LeavesOutTheExcludedLines() throws {
        let program = Fixture.program(earn: .allExceptExcluded, earnProductIds: ["book"])
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net) == 800)
    }

    @Test func categoryEligibility_CountsOnlyThatCategory() throws {
        let program = Fixture.program(earn: .category, earnCategory: "Books")
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .gross) == 2_460)
    }

    @Test func categoryEligibility_WithoutACategory_CountsNothing() throws {
        let program = Fixture.program(earn: .category, earnCategory: nil)
        #expect(try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net) == 0)
    }

    @Test func ruleProducts_NarrowTheProgramEligibility() throws {
        let program = Fixture.program(earn: .allExceptExcluded, earnProductIds: ["mug"])
        let conditions = RuleConditions(productIds: ["mug", "pen"])
        #expect(
            try PointsCalculator.eligibleValue(lines: lines, program: program, basis: .net, conditions: conditions)
                == 300
        )
    }

    @Test func ruleCategories_NarrowTheLines_AndLinesWithoutCategoryFail() throws {
        let conditions = RuleConditions(categories: ["Kitchen"])
        #expect(
            try PointsCalculator.eligibleValue(lines: lines, program: .default, basis: .net, conditions: conditions)
                == 500
        )
    }

    @Test func ruleProductsAndCategories_BothMustMatchALine() throws {
        let conditions = RuleConditions(productIds: ["book", "mug"], categories: ["Books"])
        #expect(
            try PointsCalculator.eligibleValue(lines: lines, program: .default, basis: .net, conditions: conditions)
                == 2_000
        )
    }

    @Test func excludedLines_DoNotEarn_InAProportionalAward() throws {
        let program = Fixture.program(earn: .allExceptExcluded, earnProductIds: ["book"])
        let rule = Fixture.rule(Fixture.proportional(per: 100, basis: .net))
        let order = Fixture.order(lines)
        #expect(try PointsCalculator.award(rule: rule, program: program, order: order, coefficient: .one) == 8)
    }

    @Test func negativeLine_ReducesTheValue_ButNeverBelowZero() throws {
        let discount = Fixture.line("discount", quantity: 1, net: -300, gross: -369)
        #expect(try PointsCalculator.eligibleValue(lines: lines + [discount], program: .default, basis: .net) == 2_500)
        #expect(try PointsCalculator.eligibleValue(lines: [discount], program: .default, basis: .net) == 0)
    }

    @Test func noLines_HaveZeroValue() throws {
        #expect(try PointsCalculator.eligibleValue(lines: [], program: .default, basis: .gross) == 0)
    }

    @Test func hugeLine_ThrowsOverflow_InsteadOfTrapping() throws {
        let huge = Fixture.line(quantity: .max, net: .max)
        #expect(throws: PointsError.overflow) {
            try PointsCalculator.eligibleValue(lines: [huge], program: .default, basis: .net)
        }
        // Four such lines overflow even Int128; the running sum is checked.
        #expect(throws: PointsError.overflow) {
            try PointsCalculator.eligibleValue(lines: Array(repeating: huge, count: 4), program: .default, basis: .net)
        }
    }

    @Test func hugeLines_ThatCancelOut_StillGiveTheExactValue() throws {
        let plus = Fixture.line("a", quantity: .max, net: .max)
        let minus = Fixture.line("b", quantity: .max, net: -.max)
        let small = Fixture.line("c", quantity: 1, net: 42)
        #expect(try PointsCalculator.eligibleValue(lines: [plus, small, minus], program: .default, basis: .net) == 42)
    }

    @Test func isEarnEligible_FollowsEachMode() {
        let line = Fixture.line("x", category: "C", net: 1)
        #expect(PointsCalculator.isEarnEligible(line, program: Fixture.program(earn: .all)))
        #expect(PointsCalculator.isEarnEligible(line, program: Fixture.program(earn: .marked, earnProductIds: ["x"])))
        #expect(!PointsCalculator.isEarnEligible(line, program: Fixture.program(earn: .marked, earnProductIds: ["y"])))
        #expect(
            !PointsCalculator.isEarnEligible(
                line,
                program: Fixture.program(earn: .allExceptExcluded, earnProductIds: ["x"])
            )
        )
        #expect(PointsCalculator.isEarnEligible(line, program: Fixture.program(earn: .category, earnCategory: "C")))
        #expect(!PointsCalculator.isEarnEligible(line, program: Fixture.program(earn: .category, earnCategory: "c")))
    }
}
