import HTTP

/// An order event that would move an order to another customer or currency: 409, the code
/// naming which.
extension OrderOwnerConflict: HTTPResponseError {
    public var status: HTTPStatus { .conflict }
    public var code: String { customerChanged ? "order_customer_changed" : "order_currency_changed" }
    public var message: String {
        "Order \(orderNumber) belongs to \(customerId.map { "customer \($0)" } ?? "a guest") in \(currency); "
            + "its customer and currency cannot change."
    }
}
