import FoundationEssentials

/// `POST /v1/redemptions`: tie a code to an order at checkout. Repeating it for the same order and
/// code returns the same redemption.
public struct RedemptionRequest: Codable, Sendable, Hashable {
    public var code: DiscountCode
    public var customerId: CustomerId?
    public var orderNumber: OrderNumber
    /// The goods value, in minor units.
    public var orderValue: Int64
    /// The shipping cost, in minor units.
    public var shippingCost: Int64
    public var currency: String

    /// Creates the request.
    public init(
        code: DiscountCode, customerId: CustomerId? = nil, orderNumber: OrderNumber, orderValue: Int64,
        shippingCost: Int64, currency: String
    ) {
        self.code = code
        self.customerId = customerId
        self.orderNumber = orderNumber
        self.orderValue = orderValue
        self.shippingCost = shippingCost
        self.currency = currency
    }
}

/// A code used by an order; `releasedAt` is set once the order was cancelled or the redemption
/// deleted, which makes a single-use code usable again.
public struct Redemption: Codable, Sendable, Hashable {
    public var id: Int64
    /// The code as stored (upper case).
    public var code: DiscountCode
    public var campaignId: Int64
    public var orderNumber: OrderNumber
    public var customerId: CustomerId?
    public var orderValue: Int64
    public var discountValue: Int64
    public var freeShipping: Bool
    public var createdAt: Date
    public var releasedAt: Date?

    /// Creates a redemption.
    public init(
        id: Int64, code: DiscountCode, campaignId: Int64, orderNumber: OrderNumber, customerId: CustomerId?,
        orderValue: Int64, discountValue: Int64, freeShipping: Bool, createdAt: Date, releasedAt: Date? = nil
    ) {
        self.id = id
        self.code = code
        self.campaignId = campaignId
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.orderValue = orderValue
        self.discountValue = discountValue
        self.freeShipping = freeShipping
        self.createdAt = createdAt
        self.releasedAt = releasedAt
    }
}
