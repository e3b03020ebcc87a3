import Store

/// The loyalty service's tables. Times are INTEGER milliseconds since 1970 (UTC); points and
/// money are INTEGER; every CHECK states an invariant the code also keeps, so a bug stops at the
/// database instead of spreading.
///
/// Points bookkeeping: `accounts.points` is the spendable balance and always equals the sum of
/// `lots.remaining` of the customer and the sum of `history.points`; each credit is a lot, each
/// deduction consumes lots oldest-expiring first and records what it took in `lot_consumptions`
/// (so returned points can keep their original expiry).
enum LoyaltyMigrations {
    static let all: [Migration] = [settings, ledger, orders, catalogue, optionalMoneyPrice, publicNote]

    static let settings = Migration(
        "loyalty-001-settings",
        """
        CREATE TABLE program (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            settings TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT
        );
        CREATE TABLE rules (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            action TEXT NOT NULL,
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            definition TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX rules_by_action ON rules(action, active);
        """)

    static let ledger = Migration(
        "loyalty-002-ledger",
        """
        CREATE TABLE accounts (
            customer_id TEXT PRIMARY KEY,
            points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
            pending_points INTEGER NOT NULL DEFAULT 0 CHECK (pending_points >= 0),
            coefficient INTEGER NOT NULL DEFAULT 10000 CHECK (coefficient > 0),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            points INTEGER NOT NULL,
            pending_points INTEGER NOT NULL DEFAULT 0,
            balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
            pending_after INTEGER NOT NULL CHECK (pending_after >= 0),
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            rule_id INTEGER,
            rule_name TEXT,
            order_number TEXT,
            review_id TEXT,
            exchange_order_id INTEGER,
            debit_id TEXT,
            actor TEXT,
            reason TEXT
        );
        CREATE INDEX history_by_customer ON history(customer_id, id);
        CREATE TABLE lots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT NOT NULL,
            history_id INTEGER NOT NULL REFERENCES history(id),
            points INTEGER NOT NULL CHECK (points > 0),
            remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= points),
            credited_at INTEGER NOT NULL,
            expires_at INTEGER,
            expired_at INTEGER
        );
        CREATE INDEX lots_open ON lots(customer_id, expires_at) WHERE remaining > 0;
        CREATE INDEX lots_due ON lots(expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
        CREATE TABLE lot_consumptions (
            history_id INTEGER NOT NULL REFERENCES history(id),
            lot_id INTEGER NOT NULL REFERENCES lots(id),
            points INTEGER NOT NULL CHECK (points > 0),
            PRIMARY KEY (history_id, lot_id)
        ) WITHOUT ROWID;
        CREATE TABLE point_debits (
            debit_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            points INTEGER NOT NULL CHECK (points > 0),
            reason TEXT NOT NULL,
            history_id INTEGER NOT NULL REFERENCES history(id),
            balance_after INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            compensated_at INTEGER,
            compensation_history_id INTEGER REFERENCES history(id)
        ) WITHOUT ROWID;
        """)

    static let orders = Migration(
        "loyalty-003-orders",
        """
        CREATE TABLE orders (
            order_number TEXT PRIMARY KEY,
            customer_id TEXT,
            currency TEXT NOT NULL,
            total_net INTEGER NOT NULL,
            total_gross INTEGER NOT NULL,
            refunded_net INTEGER,
            refunded_gross INTEGER,
            status TEXT NOT NULL,
            reached_rank INTEGER NOT NULL CHECK (reached_rank BETWEEN 0 AND 2),
            closed TEXT CHECK (closed IN ('cancelled', 'refunded')),
            last_sequence INTEGER NOT NULL,
            placed_at INTEGER NOT NULL,
            first_seen_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX orders_by_customer ON orders(customer_id) WHERE customer_id IS NOT NULL;
        CREATE TABLE order_awards (
            order_number TEXT NOT NULL REFERENCES orders(order_number),
            rule_id INTEGER NOT NULL,
            rule_name TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            points INTEGER NOT NULL CHECK (points > 0),
            trigger_status TEXT NOT NULL,
            refund_basis TEXT NOT NULL CHECK (refund_basis IN ('net', 'gross')),
            state TEXT NOT NULL CHECK (state IN ('pending', 'credited', 'cancelled')),
            reversed INTEGER NOT NULL DEFAULT 0 CHECK (reversed >= 0 AND reversed <= points),
            created_at INTEGER NOT NULL,
            credited_at INTEGER,
            PRIMARY KEY (order_number, rule_id)
        ) WITHOUT ROWID;
        CREATE TABLE newsletter_signups (
            customer_id TEXT PRIMARY KEY,
            points INTEGER NOT NULL,
            signed_up_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE reviews (
            review_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            points INTEGER NOT NULL,
            received_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """)

    static let catalogue = Migration(
        "loyalty-004-catalogue",
        """
        CREATE TABLE rewards (
            product_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            category TEXT,
            money_price INTEGER NOT NULL CHECK (money_price >= 0),
            currency TEXT NOT NULL,
            manual_points INTEGER CHECK (manual_points IS NULL OR manual_points > 0),
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE exchange_orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT NOT NULL,
            points INTEGER NOT NULL CHECK (points > 0),
            history_id INTEGER REFERENCES history(id),
            exchanged INTEGER NOT NULL DEFAULT 0 CHECK (exchanged IN (0, 1)),
            exchanged_at INTEGER,
            exchanged_by TEXT,
            rejected_at INTEGER,
            rejected_by TEXT,
            rejection_reason TEXT,
            placed_by TEXT,
            created_at INTEGER NOT NULL,
            CHECK (NOT (exchanged = 1 AND rejected_at IS NOT NULL))
        );
        CREATE INDEX exchange_orders_by_customer ON exchange_orders(customer_id, id);
        CREATE INDEX exchange_orders_by_time ON exchange_orders(created_at);
        CREATE TABLE exchange_order_items (
            exchange_order_id INTEGER NOT NULL REFERENCES exchange_orders(id),
            position INTEGER NOT NULL,
            product_id TEXT NOT NULL,
            name TEXT NOT NULL,
            category TEXT,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_points INTEGER NOT NULL CHECK (unit_points > 0),
            points INTEGER NOT NULL CHECK (points > 0),
            PRIMARY KEY (exchange_order_id, position)
        ) WITHOUT ROWID;
        """)
}
