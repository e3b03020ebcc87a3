import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Proportional and fixed awards: worked examples, rounding edges and overflow.
struct PointsCalculatorTests {
    private func points(
        value: Int64,
        _ award: Award,
        k: Coefficient = .one,
        mode: CoefficientTarget = .points
    ) throws -> Int64 {
        let order = Fixture.order([Fixture.line(net: value, gross: value)])
        return try PointsCalculator.award(
            rule: Fixture.rule(award),
            program: Fixture.program(coefficientApplies: mode),
            order: order,
            coefficient: k
        )
    }

    // MARK: - Worked examples

    @Test func anOrderOf103_93_Per5_RoundsDownTo20() throws {
        #expect(try points(value: 10_393, Fixture.proportional(per: 500, rounding: .down)) == 20)
    }

    @Test func anOrderOf103_93_Per5_RoundsToTheNearestWholeAs21() throws {
        #expect(try points(value: 10_393, Fixture.proportional(per: 500, rounding: .nearest)) == 21)
    }

    @Test func anOrderOf103_93_Per5_RoundsUpToTensAs30() throws {
        #expect(try points(value: 10_393, Fixture.proportional(per: 500, rounding: .up, roundTo: .ten)) == 30)
    }

    @Test func anOrderOf100EurosNet_DividedBy5_Gives20() throws {
        let order = Fixture.order([Fixture.line(net: 10_000, gross: 12_300)])
        let rule = Fixture.rule(Fixture.proportional(per: 500, basis: .net))
        #expect(try PointsCalculator.award(rule: rule, program: .default, order: order, coefficient: .one) == 20)
    }

    @Test func anOrderOf14CrownsGross_Per10_Gives1Completed_And2Started() throws {
        let order = Fixture.order([Fixture.line(net: 1_100, gross: 1_400)])
        let completed = Fixture.rule(Fixture.proportional(per: 1_000, basis: .gross, rounding: .down))
        let started = Fixture.rule(Fixture.proportional(per: 1_000, basis: .gross, rounding: .up))
        #expect(try PointsCalculator.award(rule: completed, program: .default, order: order, coefficient: .one) == 1)
        #expect(try PointsCalculator.award(rule: started, program: .default, order: order, coefficient: .one) == 2)
    }

    @Test func anOrderOf14Crowns_At1PointPer20Completed_Gives0() throws {
        #expect(try points(value: 1_400, Fixture.proportional(per: 2_000, rounding: .down)) == 0)
    }

    // MARK: - Rounding edges

    @Test func zeroValue_GivesZero_InEveryRounding() throws {
        for rounding in PointsRounding.allCases {
            for step in RoundingStep.allCases {
                #expect(try points(value: 0, Fixture.proportional(per: 500, rounding: rounding, roundTo: step)) == 0)
            }
        }
    }

    @Test func exactMultiple_GivesTheSamePoints_InEveryRounding() throws {
        for rounding in PointsRounding.allCases {
            #expect(try points(value: 1_000, Fixture.proportional(per: 1_000, rounding: rounding)) == 1)
        }
    }

    @Test func exactHalf_RoundsUp_WhenNearest() throws {
        #expect(try points(value: 250, Fixture.proportional(per: 500, rounding: .nearest)) == 1)
        #expect(try points(value: 250, Fixture.proportional(per: 500, rounding: .down)) == 0)
        #expect(try points(value: 250, Fixture.proportional(per: 500, rounding: .up)) == 1)
    }

    @Test func justBelowHalf_RoundsDown_WhenNearest() throws {
        // 20.4998 points: the fraction is below one half by a hair.
        #expect(try points(value: 102_499, Fixture.proportional(per: 5_000, rounding: .nearest)) == 20)
    }

    @Test func roundingToTen_HalfGoesUp_AndDownDropsTheRest() throws {
        #expect(try points(value: 15, Fixture.proportional(per: 1, rounding: .nearest, roundTo: .ten)) == 20)
        #expect(try points(value: 14, Fixture.proportional(per: 1, rounding: .nearest, roundTo: .ten)) == 10)
        #expect(try points(value: 19, Fixture.proportional(per: 1, rounding: .down, roundTo: .ten)) == 10)
    }

    @Test func roundingToHundred_UsesTheExactFraction() throws {
        // 149.9 and 150.0 points.
        #expect(
            try points(value: 1_499, Fixture.proportional(points: 1, per: 10, rounding: .nearest, roundTo: .hundred))
                == 100
        )
        #expect(
            try points(value: 1_500, Fixture.proportional(points: 1, per: 10, rounding: .nearest, roundTo: .hundred))
                == 200
        )
        #expect(
            try points(value: 1_001, Fixture.proportional(points: 1, per: 10, rounding: .up, roundTo: .hundred)) == 200
        )
        #expect(
            try points(value: 1_000, Fixture.proportional(points: 1, per: 10, rounding: .up, roundTo: .hundred)) == 100
        )
    }

    @Test func roundingToThousand_UpFromAnyPositiveFraction() throws {
        #expect(try points(value: 1, Fixture.proportional(per: 1_000, rounding: .up, roundTo: .thousand)) == 1_000)
        #expect(try points(value: 1_499, Fixture.proportional(per: 1, rounding: .nearest, roundTo: .thousand)) == 1_000)
        #expect(try points(value: 1_500, Fixture.proportional(per: 1, rounding: .nearest, roundTo: .thousand)) == 2_000)
        #expect(try points(value: 999, Fixture.proportional(per: 1, rounding: .down, roundTo: .thousand)) == 0)
    }

    @Test func severalPointsPerAmount_MultiplyBeforeRounding() throws {
        // 3 points per 10 on 35: 10.5 points, not 3 × floor(3.5) = 9.
        #expect(try points(value: 35, Fixture.proportional(points: 3, per: 10, rounding: .down)) == 10)
        #expect(try points(value: 35, Fixture.proportional(points: 3, per: 10, rounding: .nearest)) == 11)
    }

    // MARK: - Coefficient

    @Test func coefficient2_DoublesThePoints_InPointsMode() throws {
        // 20.786 × 2 = 41.572.
        let award = Fixture.proportional(per: 500, rounding: .down)
        #expect(try points(value: 10_393, award, k: Fixture.k("2"), mode: .points) == 41)
    }

    @Test func coefficient2_HalvesThePoints_InRequiredAmountMode() throws {
        // 10393 / (500 × 2) = 10.393.
        let award = Fixture.proportional(per: 500, rounding: .down)
        #expect(try points(value: 10_393, award, k: Fixture.k("2"), mode: .requiredAmount) == 10)
    }

    @Test func coefficientOneAndAHalf_AppliesExactly_InBothModes() throws {
        let down = Fixture.proportional(per: 500, rounding: .down)
        let nearest = Fixture.proportional(per: 500, rounding: .nearest)
        let k = try Fixture.k("1.5")
        #expect(try points(value: 10_393, down, k: k, mode: .points) == 31)  // 31.179
        #expect(try points(value: 10_393, down, k: k, mode: .requiredAmount) == 13)  // 13.857…
        #expect(try points(value: 10_393, nearest, k: k, mode: .requiredAmount) == 14)
    }

    @Test func coefficient_IsAppliedBeforeTheSingleRounding() throws {
        // 1000 / 300 = 3.333… × 1.5 = exactly 5; rounding first would give floor(3) × 1.5 = 4.5.
        let award = Fixture.proportional(per: 300, rounding: .down)
        #expect(try points(value: 1_000, award, k: Fixture.k("1.5")) == 5)
    }

    @Test func coefficientOne_GivesTheSameInBothModes() throws {
        let award = Fixture.proportional(per: 700, rounding: .nearest)
        #expect(try points(value: 98_765, award, mode: .points) == points(value: 98_765, award, mode: .requiredAmount))
    }

    @Test func fixedAward_IsMultipliedByK_AndRoundedHalfUp_InPointsMode() throws {
        let program = Fixture.program(coefficientApplies: .points)
        #expect(
            try PointsCalculator.fixedPoints(50, coefficient: Fixture.k("1.5"), target: program.coefficientApplies)
                == 75
        )
        #expect(try PointsCalculator.fixedPoints(3, coefficient: Fixture.k("0.5"), target: .points) == 2)
        #expect(try PointsCalculator.fixedPoints(5, coefficient: Fixture.k("1.0001"), target: .points) == 5)
    }

    @Test func fixedAward_IgnoresK_InRequiredAmountMode() throws {
        #expect(try points(value: 123, .fixed(points: 50), k: Fixture.k("2"), mode: .requiredAmount) == 50)
        #expect(try points(value: 0, .fixed(points: 50), k: Fixture.k("2"), mode: .points) == 100)
    }

    @Test func newsletterAward_IgnoresK() throws {
        let rule = Fixture.rule(.fixed(points: 10), action: .newsletterSignup)
        #expect(
            try PointsCalculator.award(rule: rule, program: .default, order: nil, coefficient: Fixture.k("3")) == 10
        )
    }

    @Test func proportionalAward_WithoutAnOrder_GivesZero() throws {
        let rule = Fixture.rule(Fixture.proportional(per: 100), action: .reviewPublished)
        #expect(try PointsCalculator.award(rule: rule, program: .default, order: nil, coefficient: .one) == 0)
    }

    // MARK: - Overflow

    @Test func valueOfInt64Max_PerOne_GivesInt64MaxExactly() throws {
        #expect(try points(value: .max, Fixture.proportional(per: 1, rounding: .nearest)) == .max)
        #expect(
            try points(value: .max, Fixture.proportional(per: 1), k: Fixture.k("1000"), mode: .requiredAmount) == .max
                / 1000
        )
    }

    @Test func hugeOperands_WithASmallQuotient_DoNotOverflow() throws {
        let award = Fixture.proportional(points: .max, per: .max, rounding: .up)
        #expect(try points(value: .max, award, k: Fixture.k("0.0001")) == Int64.max / 10_000 + 1)
        #expect(try points(value: .max, award, k: Fixture.k("1000"), mode: .requiredAmount) == Int64.max / 1_000 + 1)
    }

    @Test func resultBeyondInt64_ThrowsOverflow() throws {
        #expect(throws: PointsError.overflow) {
            try points(value: .max, Fixture.proportional(per: 1, rounding: .up, roundTo: .ten))
        }
        #expect(throws: PointsError.overflow) {
            try points(value: .max, Fixture.proportional(points: 2, per: 1))
        }
        #expect(throws: PointsError.overflow) {
            try points(value: .max, Fixture.proportional(points: .max, per: 1), k: Fixture.k("1000"))
        }
        #expect(throws: PointsError.overflow) {
            try PointsCalculator.fixedPoints(.max, coefficient: Fixture.k("1000"), target: .points)
        }
    }

    @Test func awardBuiltInCode_WithBadNumbers_Throws() throws {
        let bad = ProportionalAward(points: 1, per: 0, basis: .net, rounding: .down)
        #expect(throws: PointsError.self) {
            try PointsCalculator.proportionalPoints(bad, value: 100, coefficient: .one, target: .points)
        }
        #expect(throws: PointsError.self) {
            try PointsCalculator.fixedPoints(-1, coefficient: .one, target: .points)
        }
    }
}
