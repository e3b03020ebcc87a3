import Contract
import FoundationEssentials
import Store

/// The registry's part of an erasure: confirmation tokens, the erasure records, and the
/// anonymizing of the person's rows.
enum ErasureRepository {
    static func storeConfirmation(
        tokenHash: String, customerId: CustomerId, expiresAt: Date, in connection: Connection
    ) throws {
        try connection.run(
            "INSERT INTO erasure_confirmations (token_hash, customer_id, expires_at) VALUES (?, ?, ?)", tokenHash,
            customerId.text, expiresAt)
    }

    /// Marks the token used when it is the customer's, unused and unexpired at `now`; false otherwise.
    static func useConfirmation(tokenHash: String, customerId: CustomerId, at now: Date, in connection: Connection)
        throws -> Bool
    {
        try connection.run(
            """
            UPDATE erasure_confirmations SET used_at = ?
            WHERE token_hash = ? AND customer_id = ? AND used_at IS NULL AND expires_at > ?
            """, now, tokenHash, customerId.text, now)
        guard connection.changes == 1 else { return false }
        // One erasure per confirmation: the customer's other tokens end with this one, and no
        // row keeps the erased id.
        try connection.run("DELETE FROM erasure_confirmations WHERE customer_id = ?", customerId.text)
        return true
    }

    static func record(id: String, pseudonym: String, by admin: String, at now: Date, in connection: Connection) throws
    {
        try connection.run(
            "INSERT INTO erasures (id, pseudonym, requested_at, requested_by) VALUES (?, ?, ?, ?)", id, pseudonym, now,
            admin)
    }

    static func find(_ id: String, in connection: Connection) throws -> (
        pseudonym: String, requestedAt: Date, requestedBy: String
    )? {
        try connection.queryOne("SELECT pseudonym, requested_at, requested_by FROM erasures WHERE id = ?", id).map {
            (try $0.get("pseudonym"), try $0.get("requested_at"), try $0.get("requested_by"))
        }
    }

    /// The orders that are the person's: placed under their customer id, or without an account
    /// with the e-mail of their customer base record.
    static func orderCondition(_ customerId: CustomerId, email: String?) -> SQLConditions {
        if let email {
            return SQLConditions(
                "(customer_id = ? OR (customer_id IS NULL AND email_key = ?))", customerId.text, SearchKeys.text(email))
        }
        return SQLConditions("customer_id = ?", customerId.text)
    }

    static func countOrders(of customerId: CustomerId, email: String?, in connection: Connection) throws -> Int64 {
        let condition = orderCondition(customerId, email: email)
        return try connection.scalar(
            "SELECT count(*) FROM orders WHERE \(condition.joined)", bindings: condition.bindings, as: Int64.self) ?? 0
    }

    /// Removes the customer base record and the buyer data of the person's orders (their numbers
    /// and dates stay), and re-labels every other row of theirs with `pseudonym`. Returns the
    /// rows changed.
    static func anonymize(
        _ customerId: CustomerId, email: String?, pseudonym: String, in connection: Connection
    ) throws -> Int64 {
        var changed: Int64 = 0
        let orders = orderCondition(customerId, email: email)
        try connection.run(
            """
            UPDATE orders SET customer_id = CASE WHEN customer_id IS NULL THEN NULL ELSE ? END, login = NULL,
                name = '', name_key = '', street = '', postcode = '', city = '', email = '', email_key = '',
                phone = '', phone_key = '', erased = 1
            WHERE \(orders.joined)
            """, bindings: [pseudonym] + orders.bindings)
        changed += Int64(connection.changes)
        try connection.run("DELETE FROM customers WHERE customer_id = ?", customerId.text)
        changed += Int64(connection.changes)
        for table in ["disclosures", "consents", "access_log"] {
            try connection.run("UPDATE \(table) SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId.text)
            changed += Int64(connection.changes)
        }
        return changed
    }
}
