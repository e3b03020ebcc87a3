import Contract
import Store

/// Who bought what: each order's products while the order is a purchase (paid or fulfilled).
enum PurchaseRepository {
    /// Applies one version of an order unless a later one was applied: the order's products
    /// replace what it held before. False when the event was stale.
    static func apply(_ event: ReviewOrderEvent, in connection: Connection) throws -> Bool {
        try connection.run(
            """
            INSERT INTO order_versions (order_number, sequence) VALUES (?, ?)
            ON CONFLICT(order_number) DO UPDATE SET sequence = excluded.sequence WHERE excluded.sequence > sequence
            """, event.orderNumber.text, event.sequence)
        guard connection.changes == 1 else { return false }
        try connection.run("DELETE FROM purchases WHERE order_number = ?", event.orderNumber.text)
        if event.isPurchase, let customerId = event.customerId {
            for productId in event.productIds {
                try connection.run(
                    """
                    INSERT INTO purchases (customer_id, product_id, order_number) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, customerId.text, productId.text, event.orderNumber.text)
            }
        }
        return true
    }
}
