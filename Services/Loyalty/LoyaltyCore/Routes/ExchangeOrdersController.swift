import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The exchange-order routes: customers place and list theirs, the admin lists, marks and
/// rejects them. What each move does is `ExchangeOrders`' business.
struct ExchangeOrdersController: Sendable {
    let dependencies: LoyaltyDependencies

    private var exchangeOrders: ExchangeOrders { ExchangeOrders(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(
                LoyaltyRoutes.placeExchangeOrder, writingTo: dependencies.database, clock: dependencies.clock,
                use: place
            )
            .on(LoyaltyRoutes.customerExchangeOrders, use: listForCustomer)
            .on(LoyaltyRoutes.exchangeOrders, use: list)
            .on(LoyaltyRoutes.exchangeOrder, use: show)
            .on(LoyaltyRoutes.markExchanged, use: markExchanged)
            .on(
                LoyaltyRoutes.rejectExchangeOrder, writingTo: dependencies.database, clock: dependencies.clock,
                use: reject)
    }

    /// Places an exchange order; 422 naming each product that cannot be exchanged, 409
    /// `insufficient_points` when the balance is short. `Idempotency-Key` honoured.
    @Sendable func place(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.customerParameter().text
        let order = try request.decode(ExchangeOrderRequest.self)
        try ValidationFailure.check(ExchangePricing.problems(of: order))
        let actor = context.historyActor
        let isAdmin = context.isAdmin
        return RouteWrite(
            {
                try .json(
                    exchangeOrders.place(order, for: customerId, by: actor, in: $0).view(forAdmin: isAdmin),
                    status: .created)
            },
            committed: { if $0.status == .created { exchangeOrders.sendNotices() } })
    }

    /// A customer's exchange orders, newest first.
    @Sendable func listForCustomer(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        var filter = ExchangeOrderRepository.Filter()
        filter.customerId = customerId
        return try page(filter, context: context)
    }

    /// Every exchange order, newest first; filters `customerId`, `exchanged`, `status`, `from`,
    /// `to` (RFC 3339, on the time placed). Admin only.
    @Sendable func list(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        var filter = ExchangeOrderRepository.Filter()
        if let customerId = context.query["customerId"] {
            guard InputRules.identifierProblem(customerId, field: "customerId", kind: CustomerIdKind.self) == nil else {
                throw HTTPError.badRequest(
                    "Query parameter 'customerId' is not a valid id.", code: "invalid_parameter",
                    details: ["parameter": .string("customerId")])
            }
            filter.customerId = customerId
        }
        filter.exchanged = try context.query.get("exchanged", as: Bool.self)
        if let status = context.query["status"] {
            guard let parsed = ExchangeOrderStatus(rawValue: status) else {
                throw HTTPError.badRequest(
                    "Query parameter 'status' must be placed, exchanged or rejected.",
                    code: "invalid_parameter", details: ["parameter": .string("status")])
            }
            filter.status = parsed
        }
        filter.from = try context.dateQuery("from")
        filter.to = try context.dateQuery("to")
        return try page(filter, context: context)
    }

    /// One exchange order: the admin and the storefront see any, a customer only their own
    /// (another's is a 404, so ids reveal nothing).
    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: Int64.self)
        return try .json(exchangeOrders.order(id, visibleTo: context.principal).view(forAdmin: context.isAdmin))
    }

    /// Sets "Exchanged: YES/NO". Sends nothing; a rejected order cannot be marked (409).
    @Sendable func markExchanged(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: Int64.self)
        let update = try request.decode(ExchangedUpdate.self)
        let record = try exchangeOrders.markExchanged(id, update.exchanged, by: context.historyActor)
        return try .json(record.view(forAdmin: true))
    }

    /// Rejects the order and gives its points back with their original expiry. Rejecting twice,
    /// or rejecting an order marked exchanged, is a 409. `Idempotency-Key` honoured.
    @Sendable func reject(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        let rejection = try request.decodeIfPresent(ExchangeRejectionRequest.self, default: ExchangeRejectionRequest())
        let reason = rejection.reason.flatMap { $0.trimmed().isEmpty ? nil : $0 }
        if let reason, reason.count > InputRules.maximumReasonLength {
            throw ValidationFailure(field: "reason", "Must be at most \(InputRules.maximumReasonLength) characters.")
        }
        let actor = context.historyActor
        return RouteWrite {
            try .json(exchangeOrders.reject(id, reason: reason, by: actor, in: $0).view(forAdmin: true))
        }
    }

    // MARK: - Helpers

    private func page(_ filter: ExchangeOrderRepository.Filter, context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let records = try exchangeOrders.page(filter, beforeId: try page.integerCursor(), limit: page.limit + 1)
        let views = records.map { $0.view(forAdmin: context.isAdmin) }
        return try .json(Page.keyset(views, limit: page.limit) { String($0.id) })
    }
}
