import Store

extension DiscountsMigrations {
    /// Codes bought with points, and the index the assignment mail reads addresses through.
    ///
    /// A purchase is written `pending`, with its code reserved (the buyer's, but inactive), before
    /// loyalty is asked for the points; it becomes `completed` (the code active and assigned) or
    /// `refused` (the code free again) once loyalty has answered. A crash in between leaves a
    /// pending row that `PurchaseRecoveryJob` settles under the same `debit_id`, so a code is never
    /// handed out without its points taken, nor points taken without the code.
    ///
    /// `idempotency_scope`/`idempotency_key`/`fingerprint` keep the caller's `Idempotency-Key`
    /// with the purchase itself: the purchase spans two transactions around a call to loyalty,
    /// so the single-transaction `Idempotency.perform` cannot hold it. A refusal is kept
    /// (`refusal_*`) so that a retry answers the same refusal instead of debiting again.
    static let purchases = Migration(
        "discounts-004-purchases",
        """
        CREATE TABLE purchases (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            -- The id loyalty records the debit under: random, so it stays unique even if this
            -- database is ever recreated while loyalty's is kept.
            debit_id TEXT NOT NULL UNIQUE,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
            code_id INTEGER NOT NULL REFERENCES codes(id),
            customer_id TEXT NOT NULL,
            points INTEGER NOT NULL CHECK (points >= 1),
            state TEXT NOT NULL CHECK (state IN ('pending', 'completed', 'refused')),
            idempotency_scope TEXT,
            idempotency_key TEXT,
            fingerprint TEXT,
            refusal_status INTEGER,
            refusal_code TEXT,
            refusal_message TEXT,
            -- The refusal's details as a JSON object.
            refusal_details TEXT,
            created_at INTEGER NOT NULL,
            settled_at INTEGER,
            CHECK ((state = 'pending') = (settled_at IS NULL)),
            CHECK ((state = 'refused') = (refusal_code IS NOT NULL))
        );
        CREATE UNIQUE INDEX purchases_by_key ON purchases(idempotency_scope, idempotency_key)
            WHERE idempotency_key IS NOT NULL;
        -- At most one purchase holds a code while loyalty is asked.
        CREATE UNIQUE INDEX purchases_pending ON purchases(code_id) WHERE state = 'pending';
        -- The latest e-mail a customer ordered with, whatever the order became.
        CREATE INDEX orders_email_by_customer ON orders(customer_id, placed_at)
            WHERE customer_id IS NOT NULL AND email IS NOT NULL;
        """)
}
