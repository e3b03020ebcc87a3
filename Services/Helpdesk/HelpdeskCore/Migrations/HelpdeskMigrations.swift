import Store

/// The helpdesk service's tables. Times are INTEGER milliseconds since 1970 (UTC).
enum HelpdeskMigrations {
    static let all: [Migration] = [threads]

    static let threads = Migration(
        "helpdesk-001-threads",
        """
        CREATE TABLE threads (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            order_number TEXT NOT NULL,
            customer_id TEXT,
            email TEXT NOT NULL,
            -- The address in lower case, which the search compares.
            email_key TEXT NOT NULL,
            subject TEXT NOT NULL,
            -- The subject in lower case (Unicode), which the search looks into.
            subject_key TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('reported', 'operatorReplied', 'customerReplied', 'closed',
                'forwardedMarketing', 'forwardedSales', 'forwardedPayments', 'forwardedManager')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            first_response_at INTEGER,
            closed_at INTEGER,
            CHECK ((status = 'closed') = (closed_at IS NOT NULL))
        );
        CREATE INDEX threads_order ON threads(order_number, id);
        CREATE INDEX threads_email ON threads(email_key, id);
        CREATE INDEX threads_customer ON threads(customer_id, id) WHERE customer_id IS NOT NULL;
        CREATE INDEX threads_status ON threads(status, id);
        CREATE INDEX threads_created ON threads(created_at);

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            thread_id INTEGER NOT NULL REFERENCES threads(id),
            from_role TEXT NOT NULL CHECK (from_role IN ('customer', 'operator')),
            author TEXT NOT NULL,
            body TEXT NOT NULL,
            note INTEGER NOT NULL CHECK (note IN (0, 1)),
            standard_reply_id INTEGER,
            created_at INTEGER NOT NULL,
            CHECK (note = 0 OR from_role = 'operator')
        );
        CREATE INDEX messages_thread ON messages(thread_id, id);

        CREATE TABLE status_changes (
            id INTEGER PRIMARY KEY,
            thread_id INTEGER NOT NULL REFERENCES threads(id),
            from_status TEXT,
            to_status TEXT NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX status_changes_thread ON status_changes(thread_id, id);

        CREATE TABLE standard_replies (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX standard_replies_title ON standard_replies(title, id);
        """)
}
