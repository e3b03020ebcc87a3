import FoundationEssentials

/// Values the helpdesk contract's examples share, so they fit together.
public enum HelpdeskExamples {
    public static let threadId: Int64 = 1
    public static let orderNumber = OrderNumber(stringLiteral: Examples.orderNumber)
    public static let customerId = CustomerId(stringLiteral: Examples.customerId)
    public static let email = "jan.nowak@example.pl"
    public static let subject = "Paczka nie dotarła"
    public static let message = "Dzień dobry, zamówienie miało przyjść wczoraj, a paczki wciąż nie ma. Co się stało?"
    public static let reply =
        "Dzień dobry, paczka z zamówienia {orderNumber} jest w drodze; kurier dostarczy ją jutro. Przepraszamy!"
    /// An hour after `Examples.instant`.
    public static let answeredAt = Examples.instant.addingTimeInterval(3_600)
}
