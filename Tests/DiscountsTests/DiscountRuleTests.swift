import Testing

@testable import DiscountsCore

/// Discount arithmetic in minor units: percent rounded half up, never more than the order.
struct DiscountRuleTests {
    @Test(arguments: [
        (Int64(10_393), Int64(15), Int64(1_559)),  // 1558.95 rounds up
        (50, 1, 1),  // 0.50 rounds half up
        (49, 1, 0),  // 0.49 rounds down
        (150, 1, 2),  // 1.50
        (149, 1, 1),  // 1.49
        (10_000, 100, 10_000),
        (0, 50, 0),
    ])
    func percent_RoundsHalfUp(orderValue: Int64, percent: Int64, expected: Int64) {
        #expect(DiscountRule.percent(percent).discount(orderValue: orderValue, shippingCost: 990) == (expected, false))
    }

    @Test func percentOfTheLargestOrder_DoesNotOverflow() {
        #expect(DiscountRule.percent(100).discount(orderValue: Int64.max, shippingCost: 0).value == Int64.max)
        #expect(DiscountRule.percent(50).discount(orderValue: Int64.max, shippingCost: 0).value == Int64.max / 2 + 1)
    }

    @Test func anAmount_IsNeverMoreThanTheOrderValue() {
        #expect(DiscountRule.amount(5_000).discount(orderValue: 3_000, shippingCost: 990) == (3_000, false))
        #expect(DiscountRule.amount(5_000).discount(orderValue: 8_000, shippingCost: 990) == (5_000, false))
    }

    @Test func freeShipping_DiscountsTheShippingCost() {
        #expect(DiscountRule.freeShipping.discount(orderValue: 3_000, shippingCost: 990) == (990, true))
    }

    @Test func valuesOutsideTheirRules_NeverGiveANegativeOrExcessiveDiscount() {
        #expect(DiscountRule.percent(250).discount(orderValue: 1_000, shippingCost: 0).value == 1_000)
        #expect(DiscountRule.percent(-5).discount(orderValue: 1_000, shippingCost: 0).value == 0)
        #expect(DiscountRule.amount(-5).discount(orderValue: 1_000, shippingCost: 0).value == 0)
        #expect(DiscountRule.amount(5).discount(orderValue: -1_000, shippingCost: 0).value == 0)
        #expect(DiscountRule.freeShipping.discount(orderValue: 0, shippingCost: -10).value == 0)
    }
}
