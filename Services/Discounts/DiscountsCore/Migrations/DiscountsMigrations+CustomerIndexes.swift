import Store

extension DiscountsMigrations {
    /// A person's rows by customer id, for the privacy contract's subject and erasure: redemptions
    /// and purchases had no index on it, and orders only partial ones (counted orders, orders with
    /// an address), which leave out a cancelled order without an address.
    static let customerIndexes = Migration(
        "discounts-007-customer-indexes",
        """
        CREATE INDEX redemptions_by_customer ON redemptions(customer_id, id) WHERE customer_id IS NOT NULL;
        CREATE INDEX purchases_by_customer ON purchases(customer_id, id);
        CREATE INDEX orders_of_customer ON orders(customer_id, order_number) WHERE customer_id IS NOT NULL;
        """)
}
