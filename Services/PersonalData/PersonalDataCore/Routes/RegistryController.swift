import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// The two bases: the storefront's customer records, the order fan-out's buyers, Show, Search.
struct RegistryController: Sendable {
    let dependencies: PersonalDataDependencies

    var routes: RouteCollection {
        let database = dependencies.database
        let clock = dependencies.clock
        return RouteCollection()
            .on(PersonalDataRoutes.putCustomer, writingTo: database, clock: clock, use: putCustomer)
            .on(PersonalDataRoutes.customer, writingTo: database, clock: clock, use: showCustomer)
            .on(PersonalDataRoutes.order, writingTo: database, clock: clock, use: showOrder)
            .on(PersonalDataRoutes.search, use: search)
            .on(PersonalDataRoutes.orderEvents, writingTo: database, clock: clock, use: receive)
    }

    /// 201 when the customer is new, 200 when their record was replaced.
    @Sendable func putCustomer(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let input = try request.decode(CustomerRecordInput.self)
        try ValidationFailure.check(input.validate())
        let registry = Registry(dependencies: dependencies)
        return RouteWrite { connection in
            let (record, created) = try registry.put(customerId, input, in: connection)
            return try .json(record, status: created ? .created : .ok)
        }
    }

    /// The record, with the showing written to the access log.
    @Sendable func showCustomer(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.parameters.require("customerId", as: CustomerId.self)
        let registry = Registry(dependencies: dependencies)
        let admin = context.actorName
        return RouteWrite { connection in try .json(registry.showCustomer(customerId, to: admin, in: connection)) }
    }

    @Sendable func showOrder(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        let registry = Registry(dependencies: dependencies)
        let admin = context.actorName
        return RouteWrite { connection in try .json(registry.showOrder(orderNumber, to: admin, in: connection)) }
    }

    @Sendable func search(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let limit = try PageRequest(query: context.query).limit
        let name = context.query["name"]
        try Self.check(name, "name", maxLength: OrderRules.maxTextBytes)
        let email = context.query["email"]
        try Self.check(email, "email", maxLength: EmailRules.maximumLength)
        let phone = context.query["phone"]
        try Self.check(phone, "phone", maxLength: OrderRules.maxPhoneBytes)
        let query = PersonQuery(
            name: name, email: email, phone: phone,
            orderNumber: try context.query.get("orderNumber", as: OrderNumber.self),
            source: try context.enumQuery("source", as: PersonalDataSource.self) ?? .any)
        let result = try Registry(dependencies: dependencies).search(
            query, ordersAfter: try Self.position(context.query["ordersCursor"], "ordersCursor"),
            customersAfter: try Self.position(context.query["customersCursor"], "customersCursor"), limit: limit)
        return try .json(
            PersonalDataSearchResult(
                orders: result.orders.map {
                    .init(
                        orderNumber: $0.orderNumber, name: $0.name, orderedAt: $0.orderedAt, customerId: $0.customerId)
                },
                customers: result.customers.map {
                    .init(customerId: $0.customerId, login: $0.login, name: $0.name, registeredAt: $0.registeredAt)
                },
                nextOrdersCursor: result.nextOrders.map { TextCursor.encode($0.text) },
                nextCustomersCursor: result.nextCustomers.map { TextCursor.encode($0.text) }))
    }

    /// One version of an order from the gateway's fan-out: 204, stale or applied.
    @Sendable func receive(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        let event = try request.decode(BuyerOrderEvent.self)
        var problems: [ValidationProblem] = []
        if event.orderNumber != orderNumber {
            problems.append(
                .init(
                    field: "orderNumber", message: "The body names order \(event.orderNumber), the path \(orderNumber)."
                ))
        }
        if event.sequence < 1 { problems.append(.init(field: "sequence", message: "sequence must be at least 1.")) }
        try ValidationFailure.check(problems)
        let registry = Registry(dependencies: dependencies)
        return RouteWrite { connection in
            _ = try registry.apply(event, in: connection)
            return .noContent
        }
    }

    /// A text filter of at most `maxLength` characters; a longer one is a 400 naming it.
    static func check(_ value: String?, _ name: String, maxLength: Int) throws(HTTPError) {
        guard let value, value.count > maxLength else { return }
        throw HTTPError.badRequest(
            "Query parameter '\(name)' must be at most \(maxLength) characters.", code: "invalid_parameter",
            details: ["parameter": .string(name)])
    }

    /// A section's cursor. One this search did not give is a 400 naming its parameter: the route
    /// has two cursors, and is documented to answer `invalid_parameter`, not a list's `invalid_cursor`.
    static func position(_ cursor: String?, _ name: String) throws(HTTPError) -> PersonQuery.Position? {
        do {
            return try TextCursor.decode(cursor, as: PersonQuery.Position.init(text:))
        } catch {
            throw HTTPError.badRequest(
                "Query parameter '\(name)' must be a cursor this search gave.",
                code: "invalid_parameter", details: ["parameter": .string(name)])
        }
    }
}
