import Store

/// The tables every service has: the outbox of events to deliver, the inbox of events received,
/// and the stored answers of idempotent requests.
enum ServiceKitMigrations {
    static let all: [Migration] = [
        Migration(
            "servicekit-001-outbox",
            """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL UNIQUE,
                destination TEXT NOT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                payload BLOB NOT NULL,
                ordering_key TEXT,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed', 'logged')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                delivered_at INTEGER,
                last_error TEXT
            );
            CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
            CREATE INDEX outbox_ordering ON outbox(ordering_key, id) WHERE ordering_key IS NOT NULL;
            """),
        Migration(
            "servicekit-002-inbox",
            """
            CREATE TABLE inbox (
                event_id TEXT PRIMARY KEY,
                received_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        Migration(
            "servicekit-003-idempotency",
            """
            CREATE TABLE idempotency_keys (
                scope TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status INTEGER NOT NULL,
                content_type TEXT,
                body BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (scope, key)
            ) WITHOUT ROWID;
            """),
    ]
}
