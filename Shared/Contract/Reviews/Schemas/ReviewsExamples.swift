import FoundationEssentials

/// Values the reviews contract's examples share, so they fit together.
public enum ReviewsExamples {
    public static let reviewId: Int64 = 1
    public static let productId = ProductId(stringLiteral: Examples.productId)
    public static let customerId = CustomerId(stringLiteral: Examples.customerId)
    public static let productName = "Kubek ceramiczny 330 ml"
    public static let comment = "Solidny kubek, kolor zgodny ze zdjęciem. Polecam!"
    public static let authorName = "Zofia"
}
