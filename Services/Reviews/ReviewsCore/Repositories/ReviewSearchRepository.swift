import Contract
import FoundationEssentials
import Store

/// The lists of reviews: the admin's search and a product's public listing.
enum ReviewSearchRepository {
    /// Up to `search.limit` reviews matching every filter given, newest first.
    ///
    /// Text of three characters or more, without a product or customer to narrow by, is looked
    /// up in the trigram index newest first, which stops once the page is full, whether the text
    /// is in one comment of 10,000 or in every third. With a product or a customer, their index
    /// narrows the rows and each is checked for the text; so is text of one or two characters.
    static func search(_ search: ReviewSearch, in connection: Connection) throws -> [ReviewRecord] {
        var conditions = SQLConditions()
        var source = "reviews r"
        var newestFirst = "r.id"
        if let text = search.text.map(ReviewRecord.searchText), !text.isEmpty {
            if text.count >= 3, search.productId == nil, search.customerId == nil {
                source = "reviews_search s JOIN reviews r ON r.id = s.rowid"
                newestFirst = "s.rowid"
                conditions.add("reviews_search MATCH ?", phrase(text))
            } else {
                conditions.add("instr(r.search_text, ?) > 0", text)
            }
        }
        conditions.add("r.created_at >= ?", ifPresent: search.from)
        conditions.add("r.created_at <= ?", ifPresent: search.to)
        conditions.add("r.rating = ?", ifPresent: search.rating)
        conditions.add("r.product_id = ?", ifPresent: search.productId?.text)
        conditions.add("r.customer_id = ?", ifPresent: search.customerId?.text)
        conditions.add("r.moderated = ?", ifPresent: search.moderated)
        conditions.add("r.active = ?", ifPresent: search.active)
        conditions.add("\(newestFirst) < ?", ifPresent: search.beforeId)
        return try connection.query(
            """
            SELECT \(ReviewRepository.columns) FROM \(source) \(conditions.whereClause)
            ORDER BY \(newestFirst) DESC LIMIT ?
            """,
            bindings: conditions.bindings + [search.limit]
        ).map(ReviewRepository.record)
    }

    /// Up to `listing.limit` published reviews of the product after `listing.after`, in its order.
    static func published(_ listing: PublicListing, in connection: Connection) throws -> [ReviewRecord] {
        var conditions = SQLConditions("r.product_id = ? AND r.moderated = 1 AND r.active = 1", listing.productId.text)
        conditions.add("r.rating = ?", ifPresent: listing.rating)
        let order: String
        switch listing.sort {
        case .newest:
            order = "r.id DESC"
            conditions.add("r.id < ?", ifPresent: listing.after?.id)
        case .oldest:
            order = "r.id ASC"
            conditions.add("r.id > ?", ifPresent: listing.after?.id)
        case .highest:
            order = "r.rating DESC, r.id DESC"
            if let after = listing.after {
                conditions.add("(r.rating < ? OR (r.rating = ? AND r.id < ?))", after.rating, after.rating, after.id)
            }
        case .lowest:
            order = "r.rating ASC, r.id DESC"
            if let after = listing.after {
                conditions.add("(r.rating > ? OR (r.rating = ? AND r.id < ?))", after.rating, after.rating, after.id)
            }
        }
        return try connection.query(
            "SELECT \(ReviewRepository.columns) FROM reviews r \(conditions.whereClause) ORDER BY \(order) LIMIT ?",
            bindings: conditions.bindings + [listing.limit]
        ).map(ReviewRepository.record)
    }

    /// `text` as one FTS5 phrase: quoted, its quotes doubled, so no character is query syntax.
    static func phrase(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
