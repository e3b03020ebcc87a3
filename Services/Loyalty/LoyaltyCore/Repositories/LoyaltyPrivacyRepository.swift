import Contract
import FoundationEssentials
import ServiceKit
import Store

/// What a person earned by something other than an order: the newsletter signup, a published
/// review.
struct ActivityRecord: Encodable, Sendable, Equatable {
    var kind: String
    var reviewId: String?
    var productId: String?
    var points: Int64
    var at: Date
}

/// The SQL of the privacy contract (`LoyaltyPrivacy`): the person's records that no other
/// repository lists by customer, and their erasure.
enum LoyaltyPrivacyRepository {
    /// Whether the customer has an account (a balance of zero is still an account).
    static func hasAccount(_ customerId: String, in connection: Connection) throws -> Bool {
        try connection.queryOne("SELECT 1 FROM accounts WHERE customer_id = ?", customerId) != nil
    }

    /// Up to `limit` of the customer's order numbers after `afterNumber`, in order (through
    /// `orders_by_customer`).
    static func orderNumbers(_ customerId: String, after afterNumber: String?, limit: Int, in connection: Connection)
        throws -> [String]
    {
        try connection.query(
            "SELECT order_number FROM orders WHERE customer_id = ? AND order_number > ? ORDER BY order_number LIMIT ?",
            customerId, afterNumber ?? "", limit
        ).map { try $0.get("order_number") }
    }

    /// The debits other services took from the customer, oldest first (one per code bought).
    static func debits(_ customerId: String, in connection: Connection) throws -> [PointDebit] {
        try connection.query(
            "SELECT * FROM point_debits WHERE customer_id = ? ORDER BY created_at, debit_id", customerId
        ).map { try PointDebitRepository.record($0).debit }
    }

    /// The customer's newsletter signup and reviewed products, each with the points it brought.
    static func activities(_ customerId: String, in connection: Connection) throws -> [ActivityRecord] {
        try connection.query(
            """
            SELECT 'newsletterSignup' AS kind, NULL AS review_id, NULL AS product_id, points, signed_up_at AS at
            FROM newsletter_signups WHERE customer_id = ?1
            UNION ALL
            SELECT 'review', review_id, product_id, points, received_at FROM reviews WHERE customer_id = ?1
            ORDER BY at
            """, customerId
        ).map { row in
            ActivityRecord(
                kind: try row.get("kind"), reviewId: try row.get("review_id"), productId: try row.get("product_id"),
                points: try row.get("points"), at: try row.get("at"))
        }
    }

    /// Renames the person to the pseudonym in every table that keeps a customer id, and their
    /// `customer:<id>` where they acted for themselves (history, exchange orders they placed);
    /// no amount, balance, lot or link between rows changes. Returns the rows changed.
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        let person = erasure.customerId.text
        let renamed: [any SQLBindable] = [erasure.pseudonym, person]
        let renamedActing: [any SQLBindable] = renamed + [erasure.actors.person, erasure.actors.pseudonym]
        return try PrivacyEndpoints.changes(
            [
                // Before the orders: their awards are found through the orders' index.
                (
                    """
                    UPDATE order_awards SET customer_id = ?1
                    WHERE customer_id = ?2 AND order_number IN (SELECT order_number FROM orders WHERE customer_id = ?2)
                    """, renamed
                ),
                ("UPDATE orders SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE accounts SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                (
                    """
                    UPDATE history SET customer_id = ?1, actor = CASE WHEN actor = ?3 THEN ?4 ELSE actor END
                    WHERE customer_id = ?2
                    """, renamedActing
                ),
                ("UPDATE lots SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE point_debits SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE newsletter_signups SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                ("UPDATE reviews SET customer_id = ?1 WHERE customer_id = ?2", renamed),
                (
                    """
                    UPDATE exchange_orders SET customer_id = ?1,
                        placed_by = CASE WHEN placed_by = ?3 THEN ?4 ELSE placed_by END
                    WHERE customer_id = ?2
                    """, renamedActing
                ),
            ], in: connection)
    }
}
