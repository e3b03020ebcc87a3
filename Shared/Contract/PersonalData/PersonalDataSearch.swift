import FoundationEssentials

/// Where the search looks: the customer base, the order base, or both.
public enum PersonalDataSource: String, Codable, Sendable, CaseIterable {
    case customers
    case orders
    case any
}

/// `GET /v1/search`: the two sections of the source, each paged by its own cursor.
public struct PersonalDataSearchResult: Codable, Sendable, Hashable {
    public var orders: [OrderHit]
    public var customers: [CustomerHit]
    /// Pass as `ordersCursor` for the next orders; null when there are no more.
    public var nextOrdersCursor: String?
    /// Pass as `customersCursor` for the next customers; null when there are no more.
    public var nextCustomersCursor: String?

    /// Creates a result.
    public init(orders: [OrderHit], customers: [CustomerHit], nextOrdersCursor: String?, nextCustomersCursor: String?) {
        self.orders = orders
        self.customers = customers
        self.nextOrdersCursor = nextOrdersCursor
        self.nextCustomersCursor = nextCustomersCursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(orders, forKey: .orders)
        try container.encode(customers, forKey: .customers)
        // Both cursors are always present, null on a section's last page, as a page's is.
        try container.encode(nextOrdersCursor, forKey: .nextOrdersCursor)
        try container.encode(nextCustomersCursor, forKey: .nextCustomersCursor)
    }

    private enum CodingKeys: String, CodingKey { case orders, customers, nextOrdersCursor, nextCustomersCursor }

    /// A row of the Orders section: order number, customer name, order date.
    public struct OrderHit: Codable, Sendable, Hashable {
        public var orderNumber: OrderNumber
        public var name: String
        public var orderedAt: Date
        public var customerId: CustomerId?

        /// Creates a row.
        public init(orderNumber: OrderNumber, name: String, orderedAt: Date, customerId: CustomerId?) {
            self.orderNumber = orderNumber
            self.name = name
            self.orderedAt = orderedAt
            self.customerId = customerId
        }
    }

    /// A row of the Customers section: login, customer name, registration date.
    public struct CustomerHit: Codable, Sendable, Hashable {
        public var customerId: CustomerId
        public var login: String?
        public var name: String
        public var registeredAt: Date

        /// Creates a row.
        public init(customerId: CustomerId, login: String?, name: String, registeredAt: Date) {
            self.customerId = customerId
            self.login = login
            self.name = name
            self.registeredAt = registeredAt
        }
    }
}
