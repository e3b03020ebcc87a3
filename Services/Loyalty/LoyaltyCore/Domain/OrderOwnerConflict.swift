import Contract

/// An order event that names another customer or currency than the order as loyalty first saw
/// it. The gateway refuses such versions before they are queued; loyalty refuses them too, so
/// that no path can move the points an order earned for its own customer (a refund reported
/// "for another customer" would take them back from the first). A plain domain value: the
/// routes map it to a 409 (`OrderOwnerConflict+HTTP.swift`).
public struct OrderOwnerConflict: Error, Equatable {
    public var orderNumber: String
    /// The order's customer as recorded (nil: a guest's order).
    public var customerId: String?
    public var currency: String
    /// True when the customer differs, false when only the currency does.
    public var customerChanged: Bool

    /// Throws when `event` does not match the recorded order; customer ids compared as
    /// `CustomerId`s, byte by byte.
    static func check(_ order: OrderRecord, against event: OrderEvent) throws(OrderOwnerConflict) {
        let recorded = order.customerId.flatMap { CustomerId($0) }
        guard recorded == event.customerId, order.currency == event.currency else {
            throw OrderOwnerConflict(
                orderNumber: order.orderNumber, customerId: order.customerId, currency: order.currency,
                customerChanged: recorded != event.customerId)
        }
    }
}
