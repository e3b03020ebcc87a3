import Store

/// The registry's tables. Times are INTEGER milliseconds since 1970 (UTC). The `_key` columns
/// hold what searches compare: names and addresses in lower case, phones as their digits.
enum PersonalDataMigrations {
    static let all: [Migration] = [registry, erasures, erasedOrders]

    static let registry = Migration(
        "personal-data-001-registry",
        """
        CREATE TABLE customers (
            customer_id TEXT PRIMARY KEY,
            login TEXT,
            registered_at INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            street TEXT,
            postcode TEXT,
            city TEXT,
            phone TEXT,
            phone_key TEXT,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL,
            first_seen_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX customers_registered ON customers(registered_at, customer_id);
        CREATE INDEX customers_email ON customers(email_key);
        CREATE INDEX customers_phone ON customers(phone_key) WHERE phone_key IS NOT NULL;

        CREATE TABLE orders (
            order_number TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            customer_id TEXT,
            login TEXT,
            ordered_at INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            street TEXT NOT NULL,
            postcode TEXT NOT NULL,
            city TEXT NOT NULL,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL,
            phone TEXT NOT NULL,
            phone_key TEXT NOT NULL,
            first_seen_at INTEGER NOT NULL
        );
        CREATE INDEX orders_ordered ON orders(ordered_at, order_number);
        CREATE INDEX orders_customer ON orders(customer_id) WHERE customer_id IS NOT NULL;
        CREATE INDEX orders_email ON orders(email_key);
        CREATE INDEX orders_phone ON orders(phone_key);

        CREATE TABLE disclosures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT,
            order_number TEXT,
            disclosed_at INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            scope TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK (customer_id IS NOT NULL OR order_number IS NOT NULL)
        );
        CREATE INDEX disclosures_customer ON disclosures(customer_id, id) WHERE customer_id IS NOT NULL;
        CREATE INDEX disclosures_order ON disclosures(order_number, id) WHERE order_number IS NOT NULL;

        CREATE TABLE consents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            customer_id TEXT NOT NULL,
            purpose TEXT NOT NULL,
            given INTEGER NOT NULL CHECK (given IN (0, 1)),
            at INTEGER NOT NULL,
            source TEXT NOT NULL,
            recorded_by TEXT NOT NULL
        );
        CREATE INDEX consents_customer ON consents(customer_id, id);

        CREATE TABLE access_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            admin TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('viewed', 'printed', 'exported', 'erased')),
            customer_id TEXT,
            order_number TEXT
        );
        CREATE INDEX access_log_customer ON access_log(customer_id, id) WHERE customer_id IS NOT NULL;
        CREATE INDEX access_log_admin ON access_log(admin, id);
        """)

    /// Erasures: the confirmation tokens of the first step (kept as hashes) and each erasure made.
    static let erasures = Migration(
        "personal-data-002-erasures",
        """
        CREATE TABLE erasure_confirmations (
            token_hash TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER
        ) WITHOUT ROWID;
        CREATE TABLE erasures (
            id TEXT PRIMARY KEY,
            pseudonym TEXT NOT NULL,
            requested_at INTEGER NOT NULL,
            requested_by TEXT NOT NULL
        ) WITHOUT ROWID;
        """)

    /// An order whose buyer was erased stays so: a later version of it from the fan-out changes
    /// nothing.
    static let erasedOrders = Migration(
        "personal-data-003-erased-orders",
        "ALTER TABLE orders ADD COLUMN erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1));")
}
