import Contract
import FoundationEssentials
import Store

/// The two bases: the storefront's customer records and the orders' buyers, what the admin is
/// shown of them (each showing written to the access log in the same transaction), and the search.
struct Registry: Sendable {
    let dependencies: PersonalDataDependencies

    /// Creates or replaces a customer's record; true when created.
    func put(_ customerId: CustomerId, _ input: CustomerRecordInput, in connection: Connection) throws -> (
        record: CustomerRecord, created: Bool
    ) {
        let created = try CustomerRepository.put(customerId, input, at: dependencies.now(), in: connection)
        guard let record = try CustomerRepository.find(customerId, in: connection) else {
            throw RowVanished(table: "customers", id: 0)
        }
        return (record, created)
    }

    /// One version of an order's buyer; false when a later one was applied.
    func apply(_ event: BuyerOrderEvent, in connection: Connection) throws -> Bool {
        try OrderRepository.apply(event, at: dependencies.now(), in: connection)
    }

    /// "Show" of a customer, logged as viewed by `admin`.
    func showCustomer(_ customerId: CustomerId, to admin: String, in connection: Connection) throws -> CustomerRecord {
        guard let record = try CustomerRepository.find(customerId, in: connection) else {
            throw RegistryRefusal.noCustomer(customerId)
        }
        try AccessLogRepository.append(
            .viewed, by: admin, customerId: customerId, orderNumber: nil, at: dependencies.now(), in: connection)
        return record
    }

    /// "Show" of an order's buyer, logged as viewed by `admin`.
    func showOrder(_ orderNumber: OrderNumber, to admin: String, in connection: Connection) throws -> OrderRecord {
        guard let record = try OrderRepository.find(orderNumber, in: connection) else {
            throw RegistryRefusal.noOrder(orderNumber)
        }
        try AccessLogRepository.append(
            .viewed, by: admin, customerId: record.customerId, orderNumber: orderNumber, at: dependencies.now(),
            in: connection)
        return record
    }

    /// The two sections, each up to `limit` rows after its cursor's position, with the next
    /// positions when more follow.
    func search(
        _ query: PersonQuery, ordersAfter: PersonQuery.Position?, customersAfter: PersonQuery.Position?, limit: Int
    ) throws -> (
        orders: [OrderRecord], customers: [CustomerRecord], nextOrders: PersonQuery.Position?,
        nextCustomers: PersonQuery.Position?
    ) {
        try dependencies.database.read { connection in
            let orders =
                query.source == .customers
                ? [] : try OrderRepository.search(query, after: ordersAfter, limit: limit + 1, in: connection)
            let customers =
                query.source == .orders
                ? [] : try CustomerRepository.search(query, after: customersAfter, limit: limit + 1, in: connection)
            let shownOrders = Array(orders.prefix(limit))
            let shownCustomers = Array(customers.prefix(limit))
            return (
                shownOrders, shownCustomers,
                orders.count > limit ? shownOrders.last.map(Self.position) : nil,
                customers.count > limit ? shownCustomers.last.map(Self.position) : nil
            )
        }
    }

    static func position(_ order: OrderRecord) -> PersonQuery.Position {
        PersonQuery.Position(date: milliseconds(order.orderedAt), key: order.orderNumber.text)
    }

    static func position(_ customer: CustomerRecord) -> PersonQuery.Position {
        PersonQuery.Position(date: milliseconds(customer.registeredAt), key: customer.customerId.text)
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
