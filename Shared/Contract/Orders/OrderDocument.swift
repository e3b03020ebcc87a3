import FoundationEssentials
import Glibc

/// The buyer of an order as the storefront reports it (personal data: only the personal-data
/// registry keeps it).
public struct Buyer: Codable, Sendable, Hashable {
    public var login: String?
    public var name: String
    public var street: String
    public var postcode: String
    public var city: String
    public var email: String
    public var phone: String

    public init(
        login: String? = nil, name: String, street: String, postcode: String, city: String, email: String, phone: String
    ) {
        self.login = login
        self.name = name
        self.street = street
        self.postcode = postcode
        self.city = city
        self.email = email
        self.phone = phone
    }
}

/// Shipping cost of an order, net and gross, in minor units.
public struct ShippingCost: Codable, Sendable, Hashable {
    public var net: Int64
    public var gross: Int64

    public init(net: Int64, gross: Int64) {
        self.net = net
        self.gross = gross
    }
}

/// The whole order as the storefront sends it with `PUT /api/v1/orders/{orderNumber}`, once per
/// change of the order. Money is minor units of `currency`.
public struct OrderDocument: Codable, Sendable, Hashable {
    public var customerId: CustomerId?
    public var buyer: Buyer
    public var currency: String
    public var lines: [OrderLine]
    public var shipping: ShippingCost
    public var totalNet: Int64
    public var totalGross: Int64
    public var discountCode: DiscountCode?
    public var status: OrderStatus
    public var placedAt: Date
    /// For a partial refund: how much was refunded, net and gross.
    public var refundedNet: Int64?
    public var refundedGross: Int64?

    public init(
        customerId: CustomerId?, buyer: Buyer, currency: String, lines: [OrderLine], shipping: ShippingCost,
        totalNet: Int64, totalGross: Int64, discountCode: DiscountCode? = nil, status: OrderStatus, placedAt: Date,
        refundedNet: Int64? = nil, refundedGross: Int64? = nil
    ) {
        self.customerId = customerId
        self.buyer = buyer
        self.currency = currency
        self.lines = lines
        self.shipping = shipping
        self.totalNet = totalNet
        self.totalGross = totalGross
        self.discountCode = discountCode
        self.status = status
        self.placedAt = placedAt
        self.refundedNet = refundedNet
        self.refundedGross = refundedGross
    }
}

/// The part of an order loyalty receives: everything but the buyer's personal data.
public struct OrderEvent: Codable, Sendable, Hashable {
    /// Unique per change; the receiver's dedup key.
    public var eventId: String
    public var orderNumber: OrderNumber
    /// 1, 2, 3… per order number in the order the gateway accepted the changes.
    public var sequence: Int64
    public var customerId: CustomerId?
    public var currency: String
    public var lines: [OrderLine]
    public var shipping: ShippingCost
    public var totalNet: Int64
    public var totalGross: Int64
    public var discountCode: DiscountCode?
    public var status: OrderStatus
    public var placedAt: Date
    public var refundedNet: Int64?
    public var refundedGross: Int64?

    public init(eventId: String, orderNumber: OrderNumber, sequence: Int64, order: OrderDocument) {
        self.eventId = eventId
        self.orderNumber = orderNumber
        self.sequence = sequence
        customerId = order.customerId
        currency = order.currency
        lines = order.lines
        shipping = order.shipping
        totalNet = order.totalNet
        totalGross = order.totalGross
        discountCode = order.discountCode
        status = order.status
        placedAt = order.placedAt
        refundedNet = order.refundedNet
        refundedGross = order.refundedGross
    }
}
