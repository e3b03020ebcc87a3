import Contract
import HTTP

/// The checks an order passes before the gateway stores and fans it out: the contract's
/// `OrderDocument.problems(orderNumber:)`, the same rules loyalty applies to the events it
/// receives, so nothing the gateway accepts is refused downstream. Every problem names the field
/// (`buyer.email`, `lines[2].quantity`) in the 422 answer's `details.field` and `details.fields`.
public enum OrderValidator {
    /// Whether `number` is a valid order number (`OrderNumberKind`).
    public static func isValidOrderNumber(_ number: String) -> Bool { OrderNumber.isValid(number) }

    /// Every problem of the order, in field order; empty when it is acceptable.
    public static func problems(orderNumber: String, order: OrderDocument) -> [ValidationProblem] {
        order.problems(orderNumber: orderNumber)
    }

    /// Throws the 422 `invalid_order` for the order's problems, if it has any.
    public static func validate(orderNumber: String, order: OrderDocument) throws(ValidationFailure) {
        try ValidationFailure.check(problems(orderNumber: orderNumber, order: order), code: "invalid_order")
    }
}
