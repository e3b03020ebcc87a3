import Contract
import HTTP

/// A new version of an order that names another customer or currency than the order's first:
/// 409 `order_customer_changed` or `order_currency_changed`, with the order's current value in
/// `details`. An order number reported for one customer and then for another would otherwise
/// move the first customer's points (a refund of the "second" order takes back the first's).
public struct OrderOwnerChanged: HTTPResponseError, Equatable {
    /// What changed.
    public enum Field: String, Sendable {
        case customerId
        case currency
    }

    public let orderNumber: OrderNumber
    public let field: Field
    /// The order's value as first reported; "" for a guest's order.
    public let current: String

    public var status: HTTPStatus { .conflict }
    public var code: String { field == .customerId ? "order_customer_changed" : "order_currency_changed" }

    public var message: String {
        switch field {
        case .customerId:
            let owner = current.isEmpty ? "a guest" : "customer \(current)"
            return "Order \(orderNumber) belongs to \(owner); an order's customer cannot change."
        case .currency:
            return "Order \(orderNumber) is in \(current); an order's currency cannot change."
        }
    }

    public var details: [String: ErrorDetail] {
        [
            "field": .string(field.rawValue),
            field == .customerId ? "currentCustomerId" : "currentCurrency": .string(current),
        ]
    }

    /// Throws when `order` differs from what the order was first reported with. NULL columns
    /// (orders accepted before they were kept) let any value through, to be recorded now.
    static func check(orderNumber: OrderNumber, storedCustomer: String?, storedCurrency: String?, order: OrderDocument)
        throws(OrderOwnerChanged)
    {
        // Compared as the identifier type does, byte by byte; '' is a guest.
        if let storedCustomer, !storedCustomer.utf8.elementsEqual((order.customerId?.text ?? "").utf8) {
            throw OrderOwnerChanged(orderNumber: orderNumber, field: .customerId, current: storedCustomer)
        }
        if let storedCurrency, !storedCurrency.utf8.elementsEqual(order.currency.utf8) {
            throw OrderOwnerChanged(orderNumber: orderNumber, field: .currency, current: storedCurrency)
        }
    }
}
