import Store

/// The reviews service's tables. Times are INTEGER milliseconds since 1970 (UTC).
///
/// The database itself keeps what must always agree with the reviews: triggers update each
/// product's rating summary and the comment search index in the same transaction as every insert,
/// update and delete of a review, so no code path can leave an average stale.
enum ReviewsMigrations {
    static let all: [Migration] = [reviews, purchases]

    static let reviews = Migration(
        "reviews-001-reviews",
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            product_id TEXT NOT NULL,
            product_name TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            comment TEXT NOT NULL,
            -- The comment in lower case (Unicode), which the trigram index and short searches read.
            search_text TEXT NOT NULL,
            author_name TEXT NOT NULL,
            customer_id TEXT,
            moderated INTEGER NOT NULL CHECK (moderated IN (0, 1)),
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            -- Set once loyalty has been told of the review's first publication (points once per review).
            points_reported INTEGER NOT NULL DEFAULT 0 CHECK (points_reported IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX reviews_product_public ON reviews(product_id, id) WHERE moderated = 1 AND active = 1;
        CREATE INDEX reviews_product_public_rating ON reviews(product_id, rating, id) WHERE moderated = 1 AND active = 1;
        CREATE INDEX reviews_product ON reviews(product_id, id);
        CREATE INDEX reviews_customer ON reviews(customer_id, product_id) WHERE customer_id IS NOT NULL;
        CREATE INDEX reviews_created ON reviews(created_at);

        CREATE TABLE rating_summaries (
            product_id TEXT PRIMARY KEY,
            r1 INTEGER NOT NULL DEFAULT 0 CHECK (r1 >= 0),
            r2 INTEGER NOT NULL DEFAULT 0 CHECK (r2 >= 0),
            r3 INTEGER NOT NULL DEFAULT 0 CHECK (r3 >= 0),
            r4 INTEGER NOT NULL DEFAULT 0 CHECK (r4 >= 0),
            r5 INTEGER NOT NULL DEFAULT 0 CHECK (r5 >= 0)
        ) WITHOUT ROWID;

        CREATE TRIGGER reviews_summary_insert AFTER INSERT ON reviews
        WHEN NEW.moderated = 1 AND NEW.active = 1 BEGIN
            INSERT INTO rating_summaries (product_id) VALUES (NEW.product_id) ON CONFLICT DO NOTHING;
            UPDATE rating_summaries SET
                r1 = r1 + (NEW.rating = 1), r2 = r2 + (NEW.rating = 2), r3 = r3 + (NEW.rating = 3),
                r4 = r4 + (NEW.rating = 4), r5 = r5 + (NEW.rating = 5)
            WHERE product_id = NEW.product_id;
        END;
        CREATE TRIGGER reviews_summary_delete AFTER DELETE ON reviews
        WHEN OLD.moderated = 1 AND OLD.active = 1 BEGIN
            UPDATE rating_summaries SET
                r1 = r1 - (OLD.rating = 1), r2 = r2 - (OLD.rating = 2), r3 = r3 - (OLD.rating = 3),
                r4 = r4 - (OLD.rating = 4), r5 = r5 - (OLD.rating = 5)
            WHERE product_id = OLD.product_id;
        END;
        CREATE TRIGGER reviews_summary_update AFTER UPDATE OF product_id, rating, moderated, active ON reviews BEGIN
            UPDATE rating_summaries SET
                r1 = r1 - (OLD.rating = 1), r2 = r2 - (OLD.rating = 2), r3 = r3 - (OLD.rating = 3),
                r4 = r4 - (OLD.rating = 4), r5 = r5 - (OLD.rating = 5)
            WHERE product_id = OLD.product_id AND OLD.moderated = 1 AND OLD.active = 1;
            INSERT INTO rating_summaries (product_id) SELECT NEW.product_id
            WHERE NEW.moderated = 1 AND NEW.active = 1 ON CONFLICT DO NOTHING;
            UPDATE rating_summaries SET
                r1 = r1 + (NEW.rating = 1), r2 = r2 + (NEW.rating = 2), r3 = r3 + (NEW.rating = 3),
                r4 = r4 + (NEW.rating = 4), r5 = r5 + (NEW.rating = 5)
            WHERE product_id = NEW.product_id AND NEW.moderated = 1 AND NEW.active = 1;
        END;

        -- Any part of a comment, found through its trigrams (three characters or more).
        CREATE VIRTUAL TABLE reviews_search USING fts5(
            search_text, content = 'reviews', content_rowid = 'id', tokenize = 'trigram case_sensitive 1'
        );
        CREATE TRIGGER reviews_search_insert AFTER INSERT ON reviews BEGIN
            INSERT INTO reviews_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
        END;
        CREATE TRIGGER reviews_search_delete AFTER DELETE ON reviews BEGIN
            INSERT INTO reviews_search (reviews_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
        END;
        CREATE TRIGGER reviews_search_update AFTER UPDATE OF search_text ON reviews BEGIN
            INSERT INTO reviews_search (reviews_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
            INSERT INTO reviews_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
        END;

        -- Every change of every review, kept after the review is deleted.
        CREATE TABLE review_history (
            id INTEGER PRIMARY KEY,
            review_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('created', 'activated', 'edited', 'deleted')),
            changes TEXT NOT NULL
        );
        CREATE INDEX review_history_review ON review_history(review_id, id);
        """)

    /// Who bought what, from the gateway's order fan-out: an order's products while it is paid or
    /// fulfilled, for the "verified purchase" mark.
    static let purchases = Migration(
        "reviews-002-purchases",
        """
        CREATE TABLE order_versions (
            order_number TEXT PRIMARY KEY,
            sequence INTEGER NOT NULL CHECK (sequence >= 1)
        ) WITHOUT ROWID;
        CREATE TABLE purchases (
            customer_id TEXT NOT NULL,
            product_id TEXT NOT NULL,
            order_number TEXT NOT NULL,
            PRIMARY KEY (customer_id, product_id, order_number)
        ) WITHOUT ROWID;
        CREATE INDEX purchases_order ON purchases(order_number);
        """)
}
