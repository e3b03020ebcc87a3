import Contract
import FoundationEssentials
import Store

/// The latest version of each order the gateway reported: per-customer statistics for the
/// assignment criteria, and the buyer's e-mail for assignment mail.
enum DiscountOrderRepository {
    /// The sequence of the order's stored version, or nil for an order never reported.
    static func sequence(of orderNumber: String, in connection: Connection) throws -> Int64? {
        try connection.scalar("SELECT sequence FROM orders WHERE order_number = ?", orderNumber, as: Int64.self)
    }

    /// Stores `event` as the order's latest version. Cancelled and refunded orders stay, but do
    /// not count in statistics.
    static func save(_ event: DiscountOrderEvent, in connection: Connection) throws {
        let counted = event.status != .cancelled && event.status != .refunded
        try connection.run(
            """
            INSERT INTO orders (order_number, sequence, customer_id, email, currency, order_value, discount_code,
                status, counted, placed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (order_number) DO UPDATE SET sequence = excluded.sequence,
                customer_id = excluded.customer_id, email = excluded.email, currency = excluded.currency,
                order_value = excluded.order_value, discount_code = excluded.discount_code, status = excluded.status,
                counted = excluded.counted, placed_at = excluded.placed_at
            """, event.orderNumber.text, event.sequence, event.customerId?.text, event.email, event.currency,
            event.orderValue, event.discountCode?.normalised, event.status.rawValue, counted, event.placedAt)
    }
}
