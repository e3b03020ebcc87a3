import Contract
import FoundationEssentials
import Store

/// The order base: every order's buyer, registered or not.
enum OrderRepository {
    static let columns = """
        order_number, customer_id, login, ordered_at, name, street, postcode, city, email, phone, first_seen_at
        """

    /// Applies one version of an order unless a later one was applied or its buyer was erased;
    /// false when nothing changed.
    static func apply(_ event: BuyerOrderEvent, at now: Date, in connection: Connection) throws -> Bool {
        let buyer = event.buyer
        try connection.run(
            """
            INSERT INTO orders (order_number, sequence, customer_id, login, ordered_at, name, name_key, street,
                postcode, city, email, email_key, phone, phone_key, first_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(order_number) DO UPDATE SET sequence = excluded.sequence,
                customer_id = excluded.customer_id, login = excluded.login, ordered_at = excluded.ordered_at,
                name = excluded.name, name_key = excluded.name_key, street = excluded.street,
                postcode = excluded.postcode, city = excluded.city, email = excluded.email,
                email_key = excluded.email_key, phone = excluded.phone, phone_key = excluded.phone_key
            WHERE excluded.sequence > orders.sequence AND orders.erased = 0
            """, event.orderNumber.text, event.sequence, event.customerId?.text, buyer.login, event.placedAt,
            buyer.name, SearchKeys.text(buyer.name), buyer.street, buyer.postcode, buyer.city, buyer.email,
            SearchKeys.text(buyer.email), buyer.phone, SearchKeys.phone(buyer.phone), now)
        return connection.changes == 1
    }

    static func find(_ orderNumber: OrderNumber, in connection: Connection) throws -> OrderRecord? {
        try connection.queryOne("SELECT \(columns) FROM orders WHERE order_number = ?", orderNumber.text).map(record)
    }

    /// The Orders section: up to `limit` matches after `after`, newest order first.
    static func search(_ query: PersonQuery, after: PersonQuery.Position?, limit: Int, in connection: Connection)
        throws -> [OrderRecord]
    {
        var conditions = SQLConditions()
        if let name = query.name, !name.isEmpty { conditions.add("instr(name_key, ?) > 0", SearchKeys.text(name)) }
        conditions.add("email_key = ?", ifPresent: query.email.map(SearchKeys.text))
        conditions.add("phone_key = ?", ifPresent: query.phone.map(SearchKeys.phone))
        conditions.add("order_number = ?", ifPresent: query.orderNumber?.text)
        if let after {
            conditions.add(
                "(ordered_at < ? OR (ordered_at = ? AND order_number < ?))", after.date, after.date, after.key)
        }
        return try connection.query(
            """
            SELECT \(columns) FROM orders \(conditions.whereClause)
            ORDER BY ordered_at DESC, order_number DESC LIMIT ?
            """, bindings: conditions.bindings + [limit]
        ).map(record)
    }

    /// Every order matching `condition`, newest first (one person's orders, for their export).
    static func all(_ condition: SQLConditions, in connection: Connection) throws -> [OrderRecord] {
        try connection.query(
            "SELECT \(columns) FROM orders WHERE \(condition.joined) ORDER BY ordered_at DESC, order_number DESC",
            bindings: condition.bindings
        ).map(record)
    }

    static func record(_ row: Row) throws -> OrderRecord {
        let customer: String? = try row.get("customer_id")
        let buyer = Buyer(
            login: try row.get("login"), name: try row.get("name"), street: try row.get("street"),
            postcode: try row.get("postcode"), city: try row.get("city"), email: try row.get("email"),
            phone: try row.get("phone"))
        return OrderRecord(
            orderNumber: try OrderNumber(validating: try row.get("order_number")),
            customerId: try customer.map { try CustomerId(validating: $0) }, orderedAt: try row.get("ordered_at"),
            buyer: buyer, firstSeenAt: try row.get("first_seen_at"))
    }
}
