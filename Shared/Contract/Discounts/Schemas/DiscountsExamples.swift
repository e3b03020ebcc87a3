import FoundationEssentials

/// Values the discounts contract's examples share, so they fit together.
public enum DiscountsExamples {
    public static let campaignId: Int64 = 1
    public static let mask = "PROMO<NUM:1000><RAND:10000:99999>"
    public static let code = DiscountCode(stringLiteral: "PROMO100048213")
    public static let customerId = CustomerId(stringLiteral: Examples.customerId)
    public static let orderNumber = OrderNumber(stringLiteral: Examples.orderNumber)
    public static let discount = CampaignDiscount(type: .percent, value: 10)
}
