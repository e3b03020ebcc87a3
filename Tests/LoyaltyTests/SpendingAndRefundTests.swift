import Contract
import Foundation
import Testing

@testable import LoyaltyCore

/// Reward prices in points, reward eligibility, and the points a refund takes back.
struct SpendingAndRefundTests {
    private func program(rate: String) throws -> LoyaltyProgram {
        var program = LoyaltyProgram.default
        program.pointsPerCurrencyUnit = try #require(ExactDecimal(rate))
        return program
    }

    // MARK: - Reward price

    @Test func manualPrice_AlwaysWins_EvenZero() throws {
        let program = try program(rate: "3")
        #expect(try PointsCalculator.rewardPrice(manualPoints: 450, moneyPrice: 10_000, program: program) == 450)
        #expect(try PointsCalculator.rewardPrice(manualPoints: 0, moneyPrice: 10_000, program: program) == 0)
    }

    @Test func computedPrice_IsMoneyTimesRate_RoundedUp() throws {
        #expect(
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: 1_000, program: program(rate: "1")) == 10
        )
        #expect(
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: 1_999, program: program(rate: "1")) == 20
        )
        #expect(
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: 1_000, program: program(rate: "0.5")) == 5
        )
        // 3.33 × 1.5 = 4.995 → 5.
        #expect(
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: 333, program: program(rate: "1.5")) == 5
        )
        #expect(try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: 0, program: program(rate: "7")) == 0)
    }

    @Test func computedPrice_OfAHugeAmount_ThrowsOverflow() throws {
        #expect(throws: PointsError.overflow) {
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: .max, program: program(rate: "1000000"))
        }
        #expect(
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: .max, program: program(rate: "1")) == Int64
                .max / 100 + 1
        )
    }

    @Test func negativePrices_AreRefused() throws {
        #expect(throws: PointsError.self) {
            try PointsCalculator.rewardPrice(manualPoints: -1, moneyPrice: 100, program: .default)
        }
        #expect(throws: PointsError.self) {
            try PointsCalculator.rewardPrice(manualPoints: nil, moneyPrice: -100, program: .default)
        }
    }

    @Test func rewardEligibility_FollowsEachMode() {
        var program = LoyaltyProgram.default
        program.rewardProductIds = ["gift"]
        program.rewardEligibility = .marked
        #expect(PointsCalculator.isRewardEligible(productId: "gift", category: nil, program: program))
        #expect(!PointsCalculator.isRewardEligible(productId: "other", category: nil, program: program))
        program.rewardEligibility = .allExceptExcluded
        #expect(!PointsCalculator.isRewardEligible(productId: "gift", category: nil, program: program))
        #expect(PointsCalculator.isRewardEligible(productId: "other", category: nil, program: program))
        program.rewardEligibility = .category
        program.rewardCategory = "Gifts"
        #expect(PointsCalculator.isRewardEligible(productId: "other", category: "Gifts", program: program))
        #expect(!PointsCalculator.isRewardEligible(productId: "gift", category: nil, program: program))
        program.rewardCategory = nil
        #expect(!PointsCalculator.isRewardEligible(productId: "other", category: nil, program: program))
    }

    // MARK: - Refund reversal

    @Test func partialRefunds_AreFloored_AndAFullRefundTakesTheRest() {
        var reversed: Int64 = 0
        var deltas: [Int64] = []
        for refunded: Int64 in [100, 200, 300] {
            let due = PointsCalculator.reversalDue(
                earned: 10,
                refundedValue: refunded,
                orderValue: 300,
                alreadyReversed: reversed
            )
            deltas.append(due)
            reversed += due
        }
        #expect(deltas == [3, 3, 4])
        #expect(reversed == 10)
    }

    @Test func reversals_NeverExceedWhatWasEarned() {
        for orderValue: Int64 in [1, 7, 300, 9_999] {
            var reversed: Int64 = 0
            for refunded in stride(from: Int64(0), through: orderValue + 5, by: Int(max(1, orderValue / 13))) {
                reversed += PointsCalculator.reversalDue(
                    earned: 17,
                    refundedValue: refunded,
                    orderValue: orderValue,
                    alreadyReversed: reversed
                )
                #expect(reversed <= 17)
            }
            reversed += PointsCalculator.reversalDue(
                earned: 17,
                refundedValue: orderValue,
                orderValue: orderValue,
                alreadyReversed: reversed
            )
            #expect(reversed == 17)
        }
    }

    @Test func repeatedRefundReport_DeductsNothingTwice() {
        let first = PointsCalculator.reversalDue(earned: 50, refundedValue: 500, orderValue: 1_000, alreadyReversed: 0)
        let again = PointsCalculator.reversalDue(
            earned: 50,
            refundedValue: 500,
            orderValue: 1_000,
            alreadyReversed: first
        )
        #expect(first == 25)
        #expect(again == 0)
    }

    @Test func refundReversal_Edges() {
        #expect(PointsCalculator.refundReversal(earned: 10, refundedValue: 0, orderValue: 300) == 0)
        #expect(PointsCalculator.refundReversal(earned: 0, refundedValue: 300, orderValue: 300) == 0)
        #expect(PointsCalculator.refundReversal(earned: 10, refundedValue: 500, orderValue: 300) == 10)
        #expect(PointsCalculator.refundReversal(earned: 10, refundedValue: 1, orderValue: 0) == 10)
        #expect(PointsCalculator.refundReversal(earned: 10, refundedValue: -5, orderValue: 300) == 0)
    }

    @Test func refundReversal_OfHugeNumbers_DoesNotTrap() {
        #expect(PointsCalculator.refundReversal(earned: .max, refundedValue: .max - 1, orderValue: .max) == .max - 1)
        #expect(PointsCalculator.refundReversal(earned: .max, refundedValue: 1, orderValue: .max) == 1)
        #expect(
            PointsCalculator.reversalDue(earned: .max, refundedValue: .max, orderValue: .max, alreadyReversed: .min)
                == .max
        )
    }
}
