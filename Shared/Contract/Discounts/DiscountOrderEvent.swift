import FoundationEssentials

/// The part of an order the discounts service receives from the gateway's order fan-out: the
/// code it used, its value and status for the per-customer statistics that assignment criteria
/// read, and the buyer's e-mail for assignment mail.
public struct DiscountOrderEvent: Codable, Sendable, Hashable {
    /// Unique per change; the receiver's dedup key.
    public var eventId: String
    public var orderNumber: OrderNumber
    /// 1, 2, 3… per order number in the order the gateway accepted the changes.
    public var sequence: Int64
    public var customerId: CustomerId?
    /// The buyer's e-mail, used for assignment mail until the personal-data registry answers
    /// for the customer.
    public var email: String?
    public var currency: String
    /// The goods value (gross total less shipping), in minor units.
    public var orderValue: Int64
    /// The shipping cost (gross), in minor units.
    public var shippingCost: Int64
    public var discountCode: DiscountCode?
    public var status: OrderStatus
    public var placedAt: Date

    /// Creates the event from one version of an order.
    public init(eventId: String, orderNumber: OrderNumber, sequence: Int64, order: OrderDocument) {
        self.eventId = eventId
        self.orderNumber = orderNumber
        self.sequence = sequence
        customerId = order.customerId
        email = order.buyer.email
        currency = order.currency
        orderValue = order.totalGross - order.shipping.gross
        shippingCost = order.shipping.gross
        discountCode = order.discountCode
        status = order.status
        placedAt = order.placedAt
    }
}
