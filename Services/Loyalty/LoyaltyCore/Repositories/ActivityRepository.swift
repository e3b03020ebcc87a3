import FoundationEssentials
import Glibc
import Store

/// The non-order actions that earned points: newsletter signups (one per customer ever) and
/// published reviews (one per review id), each with the points it brought.
enum ActivityRepository {
    /// Records `customerId`'s signup with no points yet; false when they signed up before.
    static func recordNewsletterSignup(_ customerId: String, at now: Date, in connection: Connection) throws -> Bool {
        try connection.run(
            "INSERT INTO newsletter_signups (customer_id, points, signed_up_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING",
            customerId, now
        )
        return connection.changes == 1
    }

    /// Adds `points` to what the customer's signup brought.
    static func addNewsletterPoints(_ points: Int64, to customerId: String, in connection: Connection) throws {
        try connection.run(
            "UPDATE newsletter_signups SET points = points + ? WHERE customer_id = ?", points, customerId)
    }

    /// Records a published review with no points yet; false when its id was recorded before.
    static func recordReview(
        _ reviewId: String, customerId: String, productId: String, at now: Date, in connection: Connection
    ) throws -> Bool {
        try connection.run(
            """
            INSERT INTO reviews (review_id, customer_id, product_id, points, received_at) VALUES (?, ?, ?, 0, ?)
            ON CONFLICT DO NOTHING
            """, reviewId, customerId, productId, now
        )
        return connection.changes == 1
    }

    /// The customer a recorded review earned for, or nil.
    static func reviewOwner(_ reviewId: String, in connection: Connection) throws -> String? {
        try connection.scalar("SELECT customer_id FROM reviews WHERE review_id = ?", reviewId, as: String.self)
    }

    /// Sets the points a review brought.
    static func setReviewPoints(_ points: Int64, of reviewId: String, in connection: Connection) throws {
        try connection.run("UPDATE reviews SET points = ? WHERE review_id = ?", points, reviewId)
    }
}
