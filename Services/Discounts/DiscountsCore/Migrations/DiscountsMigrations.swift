import Store

/// The discounts service's tables. Times are INTEGER milliseconds since 1970 (UTC); money is
/// INTEGER minor units; every CHECK states an invariant the code also keeps.
///
/// Codes are stored normalised (upper-case ASCII) and `codes.code` is UNIQUE across the shop: the
/// index, not memory, is what keeps codes unique, also when two campaigns generate at once.
enum DiscountsMigrations {
    static let all: [Migration] = [
        campaigns, checkout, administration, purchases, confirmations, freeCodes, customerIndexes,
    ]

    static let campaigns = Migration(
        "discounts-001-campaigns",
        """
        CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('multiUse', 'singleUse', 'assigned')),
            code_count INTEGER NOT NULL CHECK (code_count >= 1),
            valid_from INTEGER,
            valid_to INTEGER,
            discount_type TEXT NOT NULL CHECK (discount_type IN ('percent', 'amount', 'freeShipping')),
            discount_value INTEGER,
            min_order_value INTEGER CHECK (min_order_value IS NULL OR min_order_value >= 0),
            points_price INTEGER CHECK (points_price IS NULL OR points_price >= 1),
            currency TEXT NOT NULL,
            mask TEXT,
            status TEXT NOT NULL CHECK (status IN ('generating', 'ready', 'failed')),
            generated INTEGER NOT NULL DEFAULT 0 CHECK (generated >= 0 AND generated <= code_count),
            -- The next candidate index the generator draws (see CodeSource): persisted with each
            -- batch, so a restarted service resumes where the last committed batch ended.
            next_index INTEGER NOT NULL DEFAULT 0,
            -- The round keys of a <RAND>-only mask's key permutation, 8 bytes each.
            permutation_keys BLOB,
            failure TEXT,
            created_at INTEGER NOT NULL,
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
            CHECK (status != 'ready' OR generated = code_count)
        );
        CREATE INDEX campaigns_generating ON campaigns(status) WHERE status = 'generating';
        CREATE TABLE codes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            customer_id TEXT,
            use_count INTEGER NOT NULL DEFAULT 0 CHECK (use_count >= 0)
        );
        CREATE INDEX codes_by_campaign ON codes(campaign_id);
        CREATE INDEX codes_by_customer ON codes(customer_id, campaign_id) WHERE customer_id IS NOT NULL;
        """)

    /// Redemptions, the orders the gateway reports, and what `campaigns` and `codes` keep for
    /// them. A single-use or assigned code has at most one live redemption: the partial unique
    /// index `redemptions_exclusive` says so, so a race that got past the code's checks still
    /// cannot commit a second one. One order uses one code once (`redemptions_per_order`).
    static let checkout = Migration(
        "discounts-002-checkout",
        """
        ALTER TABLE campaigns ADD COLUMN archived_at INTEGER;
        -- Codes with at least one live redemption, kept with each redemption and release so the
        -- campaign list need not count a million codes per row.
        ALTER TABLE campaigns ADD COLUMN used_count INTEGER NOT NULL DEFAULT 0 CHECK (used_count >= 0);
        ALTER TABLE codes ADD COLUMN assigned_at INTEGER;
        CREATE INDEX codes_free ON codes(campaign_id, id) WHERE customer_id IS NULL AND use_count = 0;
        CREATE TABLE redemptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            code_id INTEGER NOT NULL REFERENCES codes(id),
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
            -- 1 when the code serves one order at a time (singleUse, assigned).
            exclusive INTEGER NOT NULL CHECK (exclusive IN (0, 1)),
            order_number TEXT NOT NULL,
            customer_id TEXT,
            order_value INTEGER NOT NULL CHECK (order_value >= 0),
            discount_value INTEGER NOT NULL CHECK (discount_value >= 0),
            free_shipping INTEGER NOT NULL CHECK (free_shipping IN (0, 1)),
            created_at INTEGER NOT NULL,
            released_at INTEGER
        );
        CREATE UNIQUE INDEX redemptions_exclusive ON redemptions(code_id) WHERE exclusive = 1 AND released_at IS NULL;
        CREATE UNIQUE INDEX redemptions_per_order ON redemptions(order_number, code_id) WHERE released_at IS NULL;
        CREATE INDEX redemptions_by_code ON redemptions(code_id, id);
        CREATE INDEX redemptions_by_campaign ON redemptions(campaign_id, code_id) WHERE released_at IS NULL;
        -- The latest version of every order the gateway reported: per-customer statistics for
        -- assignment criteria, and the buyer's e-mail for assignment mail.
        CREATE TABLE orders (
            order_number TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            customer_id TEXT,
            email TEXT,
            currency TEXT NOT NULL,
            order_value INTEGER NOT NULL,
            discount_code TEXT,
            status TEXT NOT NULL,
            -- 0 for cancelled and refunded orders, which statistics leave out.
            counted INTEGER NOT NULL CHECK (counted IN (0, 1)),
            placed_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX orders_by_customer ON orders(customer_id, placed_at) WHERE customer_id IS NOT NULL AND counted = 1;
        """)

    /// What the admin's campaign screens need. `name_key` is the name folded to lower case by
    /// Swift (SQLite's `lower()` and `LIKE` fold ASCII only, so "ŁÓDŹ" would not find "Łódź").
    /// `deleted_at` marks a campaign deleted before any of its codes was used: it is gone for
    /// every reader at once, and the background job removes its codes in chunks (resuming after a
    /// restart). `codes_by_campaign` becomes `(campaign_id, code)`: a campaign's codes are listed,
    /// exported and switched in code order, a page at a time, without sorting a million rows; it
    /// still serves every lookup by campaign the old one did. `redemptions_ever_by_campaign`
    /// answers "was any code of this campaign ever used" (released redemptions included), which
    /// decides between deleting and archiving, without reading every redemption.
    static let administration = Migration("discounts-003-administration") { connection in
        try connection.execute(
            """
            ALTER TABLE campaigns ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
            ALTER TABLE campaigns ADD COLUMN deleted_at INTEGER;
            CREATE INDEX campaigns_deleted ON campaigns(id) WHERE deleted_at IS NOT NULL;
            DROP INDEX codes_by_campaign;
            CREATE INDEX codes_by_campaign ON codes(campaign_id, code);
            CREATE INDEX redemptions_ever_by_campaign ON redemptions(campaign_id);
            """)
        for row in try connection.query("SELECT id, name FROM campaigns") {
            let name: String = try row.get("name")
            try connection.run(
                "UPDATE campaigns SET name_key = ? WHERE id = ?", CampaignRecord.nameKey(name),
                try row.get("id", as: Int64.self))
        }
    }

    /// Free codes are found through `codes_by_campaign` in code order (`CodeOwnershipRepository`):
    /// an index of free codes took in every generated code, a tenth of the time of writing a
    /// million of them, to speed up a lookup that stops at the first free codes anyway.
    static let freeCodes = Migration("discounts-006-free-codes", "DROP INDEX codes_free;")
}
