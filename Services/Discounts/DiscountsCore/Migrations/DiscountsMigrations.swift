import Store

/// The discounts service's tables. Times are INTEGER milliseconds since 1970 (UTC); money is
/// INTEGER minor units; every CHECK states an invariant the code also keeps.
///
/// Codes are stored normalised (upper-case ASCII) and `codes.code` is UNIQUE across the shop: the
/// index, not memory, is what keeps codes unique, also when two campaigns generate at once.
enum DiscountsMigrations {
    static let all: [Migration] = [campaigns]

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
}
