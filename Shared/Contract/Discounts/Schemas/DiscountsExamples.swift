import FoundationEssentials

/// Values the discounts contract's examples share, so they fit together: the campaign example's
/// mask gives the code the validation, redemption and activation examples name.
public enum DiscountsExamples {
    public static let campaignId: Int64 = 1
    public static let mask = "SPRING<NUM:1000>"
    public static let code = DiscountCode(stringLiteral: "SPRING1000")
    public static let customerId = CustomerId(stringLiteral: Examples.customerId)
    public static let orderNumber = OrderNumber(stringLiteral: Examples.orderNumber)
    public static let discount = CampaignDiscount(type: .percent, value: 10)
}
