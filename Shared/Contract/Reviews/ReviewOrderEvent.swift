import FoundationEssentials

/// The part of an order the reviews service receives from the gateway's order fan-out: who bought
/// which products and whether the order stands, for the "verified purchase" mark.
public struct ReviewOrderEvent: Codable, Sendable, Hashable {
    /// Unique per change.
    public var eventId: String
    public var orderNumber: OrderNumber
    /// 1, 2, 3… per order number in the order the gateway accepted the changes; an older one than
    /// the last applied is ignored.
    public var sequence: Int64
    public var customerId: CustomerId?
    /// The products on the order's lines, each once.
    public var productIds: [ProductId]
    public var status: OrderStatus

    /// Creates the event from one version of an order.
    public init(eventId: String, orderNumber: OrderNumber, sequence: Int64, order: OrderDocument) {
        self.eventId = eventId
        self.orderNumber = orderNumber
        self.sequence = sequence
        customerId = order.customerId
        var seen = Set<ProductId>()
        productIds = order.lines.map(\.productId).filter { seen.insert($0).inserted }
        status = order.status
    }

    /// Whether the order counts as a purchase: paid or fulfilled, not created, cancelled or refunded.
    public var isPurchase: Bool { status == .paid || status == .fulfilled }
}
