import Contract
import FoundationEssentials
import Glibc

extension PointsCalculator {
    /// Minor units in one major currency unit. Every currency the shop sells in (PLN, CZK, EUR)
    /// has two decimal places (ISO 4217), so a fixed 100 is exact for them.
    public static let minorUnitsPerMajorUnit: Int64 = 100

    // MARK: - Rewards

    /// A reward's price in points: the price set by hand when there is one (it always wins),
    /// else ceil(moneyPrice / 100 × pointsPerCurrencyUnit), rounded up so that a reward never
    /// costs less than its rate says; 0 (not orderable) with neither.
    public static func rewardPrice(
        manualPoints: Int64?,
        moneyPrice: Int64?,
        program: LoyaltyProgram
    ) throws(PointsError) -> Int64 {
        if let manualPoints {
            guard manualPoints >= 0 else { throw .negativeAmount("pointsPrice") }
            return manualPoints
        }
        guard let moneyPrice else { return 0 }
        guard moneyPrice >= 0 else { throw .negativeAmount("moneyPrice") }
        let rate = program.pointsPerCurrencyUnit.scaled
        guard rate >= 0 else { throw .negativeAmount("pointsPerCurrencyUnit") }
        return try ExactQuotient.round(
            Int128(moneyPrice) * Int128(rate),
            times: 1,
            over: Int128(minorUnitsPerMajorUnit) * Int128(ExactDecimal.scale),
            rounding: .up
        )
    }

    /// Whether the program lets a product be exchanged for points. Categories compare
    /// exactly, as the storefront sends them.
    public static func isRewardEligible(productId: String, category: String?, program: LoyaltyProgram) -> Bool {
        switch program.rewardEligibility {
        case .marked:
            program.rewardProductIds.contains(productId)
        case .allExceptExcluded:
            !program.rewardProductIds.contains(productId)
        case .category:
            program.rewardCategory != nil && category == program.rewardCategory
        }
    }

    // MARK: - Refunds

    /// The points to take back, in total so far, after refunding `refundedValue` (cumulative) of
    /// an order worth `orderValue` that earned `earned` points: floor(earned × refunded / value),
    /// and all of them once the refund reaches the value.
    ///
    /// The reversal is computed on the cumulative refund, not per refund, so rounding never
    /// accumulates: each partial reversal is floored (the customer keeps a fraction rather than
    /// losing one), the sum of reversals never exceeds `earned`, and a full refund always takes
    /// back exactly what is left. Use `reversalDue` for the amount still to deduct.
    public static func refundReversal(earned: Int64, refundedValue: Int64, orderValue: Int64) -> Int64 {
        guard earned > 0, refundedValue > 0 else { return 0 }
        guard refundedValue < orderValue else { return earned }
        // earned × refunded fits Int128, and the quotient is below earned, so this cannot trap.
        let reversed = Int128(earned) * Int128(refundedValue) / Int128(orderValue)
        return Int64(reversed)
    }

    /// The points still to deduct after a refund, given what earlier refunds already took back;
    /// never negative, so a repeated or reordered refund report deducts nothing twice.
    public static func reversalDue(
        earned: Int64,
        refundedValue: Int64,
        orderValue: Int64,
        alreadyReversed: Int64
    ) -> Int64 {
        let target = refundReversal(earned: earned, refundedValue: refundedValue, orderValue: orderValue)
        let (due, overflow) = target.subtractingReportingOverflow(max(alreadyReversed, 0))
        return overflow ? 0 : max(due, 0)
    }
}
