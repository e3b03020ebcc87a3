import Store

extension LoyaltyMigrations {
    /// A reward priced in points by hand needs no money price: `money_price` and `currency` become
    /// optional (both or neither), and a reward has a hand-set price or a money price to compute
    /// one from. SQLite cannot drop NOT NULL in place, so the table is rebuilt
    /// (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes").
    static let optionalMoneyPrice = Migration(
        "loyalty-005-optional-money-price",
        """
        CREATE TABLE rewards_new (
            product_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            category TEXT,
            money_price INTEGER CHECK (money_price IS NULL OR money_price >= 0),
            currency TEXT,
            manual_points INTEGER CHECK (manual_points IS NULL OR manual_points > 0),
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK ((money_price IS NULL) = (currency IS NULL)),
            CHECK (manual_points IS NOT NULL OR money_price IS NOT NULL)
        ) WITHOUT ROWID;
        INSERT INTO rewards_new SELECT product_id, name, category, money_price, currency, manual_points, active,
            created_at, updated_at FROM rewards;
        DROP TABLE rewards;
        ALTER TABLE rewards_new RENAME TO rewards;
        """)

    /// An adjustment may carry a note meant for the customer; the admin's reason stays internal.
    static let publicNote = Migration(
        "loyalty-006-history-public-note",
        """
        ALTER TABLE history ADD COLUMN public_note TEXT;
        """)
}
