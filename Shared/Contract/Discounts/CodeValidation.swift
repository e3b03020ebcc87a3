/// Why a code cannot be used on a cart. Callers without an admin key see `notFound` for both
/// `unknown` and `otherCustomer`, so codes cannot be probed.
public enum CodeRefusalReason: String, Codable, Sendable, CaseIterable {
    case unknown, notFound, otherCustomer, inactive, notYetValid, expired, usedUp, belowMinimum, currencyMismatch
}

/// `POST /v1/validations`: may this code be used on this cart, and what does it take off?
public struct CodeValidationRequest: Codable, Sendable, Hashable {
    /// The code in any letter case.
    public var code: DiscountCode
    /// The customer placing the order; needed for assigned codes.
    public var customerId: CustomerId?
    /// The goods value, in minor units.
    public var orderValue: Int64
    /// The shipping cost, in minor units.
    public var shippingCost: Int64
    public var currency: String

    /// Creates the request.
    public init(
        code: DiscountCode, customerId: CustomerId? = nil, orderValue: Int64, shippingCost: Int64, currency: String
    ) {
        self.code = code
        self.customerId = customerId
        self.orderValue = orderValue
        self.shippingCost = shippingCost
        self.currency = currency
    }
}

/// The answer of a validation: the discount, or why there is none.
public struct CodeValidation: Codable, Sendable, Hashable {
    public var valid: Bool
    /// Minor units taken off (the shipping cost for free shipping); 0 when not valid.
    public var discountValue: Int64
    public var freeShipping: Bool
    /// Why the code cannot be used; left out when valid.
    public var reason: CodeRefusalReason?

    /// Creates the answer.
    public init(valid: Bool, discountValue: Int64, freeShipping: Bool, reason: CodeRefusalReason?) {
        self.valid = valid
        self.discountValue = discountValue
        self.freeShipping = freeShipping
        self.reason = reason
    }
}
