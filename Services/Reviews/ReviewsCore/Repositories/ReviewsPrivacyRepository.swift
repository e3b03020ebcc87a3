import Contract
import FoundationEssentials
import ServiceKit
import Store

/// A product the person bought, and the order it was in (the "verified purchase" mark).
struct PurchaseFact: Encodable, Sendable, Equatable {
    var productId: String
    var orderNumber: String
}

/// The SQL of the privacy contract (`ReviewsPrivacy`): the person's records no other repository
/// lists by customer, and their erasure.
enum ReviewsPrivacyRepository {
    /// The name an erased person's reviews are signed with.
    static let erasedAuthor = "Anonim"

    /// Up to `limit` of the customer's purchases after `after`, in product and order order
    /// (through the primary key).
    static func purchases(_ customerId: String, after: PurchaseFact?, limit: Int, in connection: Connection) throws
        -> [PurchaseFact]
    {
        try connection.query(
            """
            SELECT product_id, order_number FROM purchases
            WHERE customer_id = ? AND (product_id, order_number) > (?, ?) ORDER BY product_id, order_number LIMIT ?
            """, customerId, after?.productId ?? "", after?.orderNumber ?? "", limit
        ).map { PurchaseFact(productId: try $0.get("product_id"), orderNumber: try $0.get("order_number")) }
    }

    /// The history of reviews no longer stored (the admin deleted them) that `actor` changed: what
    /// a customer wrote stays in the history of their deleted review. The history has no index by
    /// actor; it is read whole, which a rare export can afford.
    static func historyOfDeletedReviews(by actor: String, in connection: Connection) throws -> [ReviewHistoryEntry] {
        try connection.query(
            """
            SELECT review_id, at, actor, action, changes FROM review_history h
            WHERE h.review_id IN (SELECT review_id FROM review_history WHERE actor = ?)
                AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.id = h.review_id)
            ORDER BY h.id
            """, actor
        ).map(ReviewHistoryRepository.entry)
    }

    /// Renames the person to the pseudonym on their reviews, which are signed `erasedAuthor` from
    /// then on (comment, rating and flags stay, so neither the listing nor the summary changes:
    /// its triggers watch only the rating, the product and the flags), on their purchases, and as
    /// `customer:<id>` in the history of every review, deleted ones too. Returns the rows changed.
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        let renamed: [any SQLBindable] = [erasure.pseudonym, erasure.customerId.text]
        return try PrivacyEndpoints.changes(
            [
                (
                    "UPDATE reviews SET customer_id = ?1, author_name = ?3 WHERE customer_id = ?2",
                    renamed + [erasedAuthor]
                ),
                ("UPDATE purchases SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                // The history has no index by actor: an erasure reads it whole, once.
                (
                    "UPDATE review_history SET actor = ?1 WHERE actor = ?2",
                    [erasure.actors.pseudonym, erasure.actors.person]
                ),
            ], in: connection)
    }
}
