/// The errors of the routes that take a version of a sales order: the gateway's order intake and
/// loyalty's order events answer them alike, so they are declared once here.
extension RouteError {
    /// A version naming another customer than the order's first (or claiming a guest's order).
    public static let orderCustomerChanged = RouteError.conflict(
        "order_customer_changed",
        "The order names another customer than its first version (or claims a guest's order); an order keeps "
            + "its customer. The gateway's answer gives the order's in `details.currentCustomerId` (\"\" for a "
            + "guest's).")

    /// A version in another currency than the order's first.
    public static let orderCurrencyChanged = RouteError.conflict(
        "order_currency_changed",
        "The order is in another currency than its first version; an order keeps its currency. The gateway's "
            + "answer gives the order's in `details.currentCurrency`.")

    /// 422 `invalid_order`: the order breaks a rule of `OrderRules`.
    public static let invalidOrder = RouteError.unprocessable(
        "invalid_order",
        "The order breaks a rule; `details.field` names the first field, `details.fields` every one (at most "
            + "\(ValidationFailure.listedProblems); `details.unlisted` counts the rest). Totals equal the lines "
            + "(quantity × unit price, a discount as a line with a negative price) plus shipping, within one "
            + "minor unit per line and one for shipping.")
}
