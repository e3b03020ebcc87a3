/// What a campaign's codes take off an order, in minor units of the campaign's currency.
public enum DiscountRule: Sendable, Hashable {
    /// `percent` (1–100) of the order value, rounded half up.
    case percent(Int64)
    /// A fixed amount, in minor units (≥ 1).
    case amount(Int64)
    /// The shipping cost.
    case freeShipping

    /// The discount on an order of `orderValue` (goods, minor units, ≥ 0) with `shippingCost`
    /// (≥ 0): never more than the order value (or, for free shipping, the shipping cost).
    public func discount(orderValue: Int64, shippingCost: Int64) -> (value: Int64, freeShipping: Bool) {
        let orderValue = Swift.max(orderValue, 0)
        switch self {
        case .percent(let percent):
            let percent = Swift.min(Swift.max(percent, 0), 100)
            // orderValue × percent may pass Int64 for a huge order: compute in 128 bits.
            let product = orderValue.multipliedFullWidth(by: percent)
            let (quotient, remainder) = Int64(100).dividingFullWidth((product.high, product.low))
            let rounded = remainder * 2 >= 100 ? quotient + 1 : quotient
            return (Swift.min(rounded, orderValue), false)
        case .amount(let amount):
            return (Swift.min(Swift.max(amount, 0), orderValue), false)
        case .freeShipping:
            return (Swift.max(shippingCost, 0), true)
        }
    }
}
