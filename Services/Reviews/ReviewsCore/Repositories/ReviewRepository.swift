import Contract
import FoundationEssentials
import Store

/// Reviews: insert, read, update and delete one; the product summary and search index follow by
/// the triggers of `ReviewsMigrations`.
enum ReviewRepository {
    /// The columns every read selects, with whether the author bought the product.
    static let columns = """
        r.id, r.product_id, r.product_name, r.rating, r.comment, r.author_name, r.customer_id, r.moderated,
            r.active, r.points_reported, r.created_at, r.updated_at,
            (r.customer_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM purchases p WHERE p.customer_id = r.customer_id AND p.product_id = r.product_id
            )) AS verified
        """

    /// Stores a new review and returns it with its id.
    static func insert(_ submission: ReviewSubmission, at now: Date, in connection: Connection) throws -> ReviewRecord {
        try connection.run(
            """
            INSERT INTO reviews (product_id, product_name, rating, comment, search_text, author_name, customer_id,
                moderated, active, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)
            """, submission.productId.text, submission.productName, submission.rating, submission.comment,
            ReviewRecord.searchText(submission.comment), submission.authorName, submission.customerId?.text, now, now)
        // Read back in the same transaction: the times as stored (whole milliseconds) and the mark.
        let id = connection.lastInsertRowID
        guard let record = try find(id, in: connection) else { throw RowVanished(table: "reviews", id: id) }
        return record
    }

    /// Review `id`, or nil.
    static func find(_ id: Int64, in connection: Connection) throws -> ReviewRecord? {
        try connection.queryOne("SELECT \(columns) FROM reviews r WHERE r.id = ?", id).map(record)
    }

    /// The customer's review of the product, if they have one.
    static func existing(customerId: CustomerId, productId: ProductId, in connection: Connection) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM reviews WHERE customer_id = ? AND product_id = ? LIMIT 1", customerId.text,
            productId.text, as: Int64.self)
    }

    /// Writes the fields moderation changes.
    static func update(_ review: ReviewRecord, in connection: Connection) throws {
        try connection.run(
            """
            UPDATE reviews SET rating = ?, comment = ?, search_text = ?, moderated = ?, active = ?, points_reported = ?,
                updated_at = ?
            WHERE id = ?
            """, review.rating, review.comment, ReviewRecord.searchText(review.comment), review.moderated,
            review.active, review.pointsReported, review.updatedAt, review.id)
    }

    /// Deletes review `id`; false when there was none.
    static func delete(_ id: Int64, in connection: Connection) throws -> Bool {
        try connection.run("DELETE FROM reviews WHERE id = ?", id)
        return connection.changes == 1
    }

    static func record(_ row: Row) throws -> ReviewRecord {
        let customer: String? = try row.get("customer_id")
        return ReviewRecord(
            id: try row.get("id"), productId: try ProductId(validating: try row.get("product_id")),
            productName: try row.get("product_name"), rating: try row.get("rating"), comment: try row.get("comment"),
            authorName: try row.get("author_name"), customerId: try customer.map { try CustomerId(validating: $0) },
            verifiedPurchase: try row.get("verified", as: Int64.self) == 1,
            moderated: try row.get("moderated", as: Int64.self) == 1,
            active: try row.get("active", as: Int64.self) == 1,
            pointsReported: try row.get("points_reported", as: Int64.self) == 1,
            createdAt: try row.get("created_at"), updatedAt: try row.get("updated_at"))
    }
}
