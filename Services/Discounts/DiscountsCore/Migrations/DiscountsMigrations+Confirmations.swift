import Store

extension DiscountsMigrations {
    /// When the order a redemption was made for was reported with its code (the storefront
    /// redeems at checkout, before the order exists): a redemption never confirmed is a checkout
    /// that did not become an order, which an operator may want to release.
    static let confirmations = Migration(
        "discounts-005-redemption-confirmations",
        """
        ALTER TABLE redemptions ADD COLUMN confirmed_at INTEGER;
        """)
}
