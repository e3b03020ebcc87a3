import Contract
import FoundationEssentials
import Store

/// The lists of reviews: the admin's search and a product's public listing.
enum ReviewSearchRepository {
    /// Up to `search.limit` reviews matching every filter given, newest first. Text of three
    /// characters or more is found through the trigram index; shorter text by a scan of the
    /// narrowed rows.
    static func search(_ search: ReviewSearch, in connection: Connection) throws -> [ReviewRecord] {
        var conditions: [String] = []
        var bindings: [any SQLBindable] = []
        if let text = search.text.map(ReviewRecord.searchText), !text.isEmpty {
            if text.count >= 3 {
                conditions.append("r.id IN (SELECT rowid FROM reviews_search WHERE reviews_search MATCH ?)")
                bindings.append(phrase(text))
            } else {
                conditions.append("instr(r.search_text, ?) > 0")
                bindings.append(text)
            }
        }
        if let from = search.from {
            conditions.append("r.created_at >= ?")
            bindings.append(from)
        }
        if let to = search.to {
            conditions.append("r.created_at <= ?")
            bindings.append(to)
        }
        if let rating = search.rating {
            conditions.append("r.rating = ?")
            bindings.append(rating)
        }
        if let productId = search.productId {
            conditions.append("r.product_id = ?")
            bindings.append(productId.text)
        }
        if let customerId = search.customerId {
            conditions.append("r.customer_id = ?")
            bindings.append(customerId.text)
        }
        if let moderated = search.moderated {
            conditions.append("r.moderated = ?")
            bindings.append(moderated)
        }
        if let active = search.active {
            conditions.append("r.active = ?")
            bindings.append(active)
        }
        if let beforeId = search.beforeId {
            conditions.append("r.id < ?")
            bindings.append(beforeId)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        bindings.append(search.limit)
        return try connection.query(
            "SELECT \(ReviewRepository.columns) FROM reviews r \(filter) ORDER BY r.id DESC LIMIT ?",
            bindings: bindings
        ).map(ReviewRepository.record)
    }

    /// Up to `listing.limit` published reviews of the product after `listing.after`, in its order.
    static func published(_ listing: PublicListing, in connection: Connection) throws -> [ReviewRecord] {
        var conditions = ["r.product_id = ?", "r.moderated = 1", "r.active = 1"]
        var bindings: [any SQLBindable] = [listing.productId.text]
        if let rating = listing.rating {
            conditions.append("r.rating = ?")
            bindings.append(rating)
        }
        let order: String
        switch listing.sort {
        case .newest:
            order = "r.id DESC"
            if let after = listing.after {
                conditions.append("r.id < ?")
                bindings.append(after.id)
            }
        case .oldest:
            order = "r.id ASC"
            if let after = listing.after {
                conditions.append("r.id > ?")
                bindings.append(after.id)
            }
        case .highest:
            order = "r.rating DESC, r.id DESC"
            if let after = listing.after {
                conditions.append("(r.rating < ? OR (r.rating = ? AND r.id < ?))")
                bindings += [after.rating, after.rating, after.id]
            }
        case .lowest:
            order = "r.rating ASC, r.id DESC"
            if let after = listing.after {
                conditions.append("(r.rating > ? OR (r.rating = ? AND r.id < ?))")
                bindings += [after.rating, after.rating, after.id]
            }
        }
        bindings.append(listing.limit)
        return try connection.query(
            """
            SELECT \(ReviewRepository.columns) FROM reviews r WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(order) LIMIT ?
            """, bindings: bindings
        ).map(ReviewRepository.record)
    }

    /// `text` as one FTS5 phrase: quoted, its quotes doubled, so no character is query syntax.
    static func phrase(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
