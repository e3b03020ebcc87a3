import Contract
import FoundationEssentials
import Store

/// The customer base.
enum CustomerRepository {
    static let columns = """
        customer_id, login, registered_at, name, street, postcode, city, phone, email, first_seen_at, updated_at
        """

    /// Creates or replaces the customer's record; true when it was created. The date the data
    /// first entered the system stays.
    static func put(_ customerId: CustomerId, _ input: CustomerRecordInput, at now: Date, in connection: Connection)
        throws -> Bool
    {
        let existed = try find(customerId, in: connection) != nil
        try connection.run(
            """
            INSERT INTO customers (customer_id, login, registered_at, name, name_key, street, postcode, city, phone,
                phone_key, email, email_key, first_seen_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(customer_id) DO UPDATE SET login = excluded.login, registered_at = excluded.registered_at,
                name = excluded.name, name_key = excluded.name_key, street = excluded.street,
                postcode = excluded.postcode, city = excluded.city, phone = excluded.phone,
                phone_key = excluded.phone_key, email = excluded.email, email_key = excluded.email_key,
                updated_at = excluded.updated_at
            """, customerId.text, input.login, input.registeredAt, input.name, SearchKeys.text(input.name),
            input.street, input.postcode, input.city, input.phone, input.phone.map(SearchKeys.phone), input.email,
            SearchKeys.text(input.email), now, now)
        return !existed
    }

    static func find(_ customerId: CustomerId, in connection: Connection) throws -> CustomerRecord? {
        try connection.queryOne("SELECT \(columns) FROM customers WHERE customer_id = ?", customerId.text).map(
            record)
    }

    /// The Customers section: up to `limit` matches after `after`, newest registration first.
    static func search(_ query: PersonQuery, after: PersonQuery.Position?, limit: Int, in connection: Connection)
        throws -> [CustomerRecord]
    {
        var conditions = SQLConditions()
        if let name = query.name, !name.isEmpty { conditions.add("instr(name_key, ?) > 0", SearchKeys.text(name)) }
        conditions.add("email_key = ?", ifPresent: query.email.map(SearchKeys.text))
        conditions.add("phone_key = ?", ifPresent: query.phone.map(SearchKeys.phone))
        conditions.add(
            "customer_id IN (SELECT customer_id FROM orders WHERE order_number = ?)", ifPresent: query.orderNumber?.text
        )
        if let after {
            conditions.add(
                "(registered_at < ? OR (registered_at = ? AND customer_id < ?))", after.date, after.date, after.key)
        }
        return try connection.query(
            """
            SELECT \(columns) FROM customers \(conditions.whereClause)
            ORDER BY registered_at DESC, customer_id DESC LIMIT ?
            """, bindings: conditions.bindings + [limit]
        ).map(record)
    }

    static func record(_ row: Row) throws -> CustomerRecord {
        let input = CustomerRecordInput(
            login: try row.get("login"), registeredAt: try row.get("registered_at"), name: try row.get("name"),
            street: try row.get("street"), postcode: try row.get("postcode"), city: try row.get("city"),
            phone: try row.get("phone"), email: try row.get("email"))
        return CustomerRecord(
            customerId: try CustomerId(validating: try row.get("customer_id")), input: input,
            firstSeenAt: try row.get("first_seen_at"), updatedAt: try row.get("updated_at"))
    }
}
