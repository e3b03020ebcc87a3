import Store

/// The gateway's order tables: the versions it accepted and the sequence of each event it
/// queued for a receiver.
enum OrderMigrations {
    static let all: [Migration] = [
        Migration(
            "gateway-001-orders",
            """
            CREATE TABLE orders (
                order_number TEXT PRIMARY KEY,
                sequence INTEGER NOT NULL,
                last_document_hash TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        // Who the order belongs to and its currency, fixed by its first version: '' is a guest's
        // order, NULL an order accepted before they were kept (its next version records them).
        Migration(
            "gateway-002-order-owner",
            """
            ALTER TABLE orders ADD COLUMN customer_id TEXT;
            ALTER TABLE orders ADD COLUMN currency TEXT;
            """),
        // The version each queued event carries, kept beside its event id instead of being read
        // back out of it. Events queued before are filled from their ids: the ordering key is
        // 'order:' || number || ':' || receiver and the event id receiver || ':' || number || ':'
        // || sequence, so the sequence starts at length(ordering_key) - 4 whatever the number or
        // the receiver's name contains.
        Migration(
            "gateway-003-order-event-sequence",
            """
            CREATE TABLE order_events (
                event_id TEXT PRIMARY KEY,
                sequence INTEGER NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO order_events (event_id, sequence)
                SELECT event_id, CAST(substr(event_id, length(ordering_key) - 4) AS INTEGER)
                FROM outbox WHERE ordering_key LIKE 'order:%';
            """),
    ]
}
