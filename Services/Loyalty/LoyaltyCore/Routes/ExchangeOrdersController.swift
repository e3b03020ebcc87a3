import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit
import Store

/// Exchange orders: points for products. Placing one prices it from the catalogue,
/// checks and deducts the points and tells the admin, all in one transaction, so points can never
/// be spent twice however many orders race. The admin lists them, marks them exchanged (the
/// customer then sees "exchanged" with a note; nothing is sent) or rejects them (points return).
struct ExchangeOrdersController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.placeExchangeOrder, use: place)
            .on(LoyaltyRoutes.customerExchangeOrders, use: listForCustomer)
            .on(LoyaltyRoutes.exchangeOrders, use: list)
            .on(LoyaltyRoutes.exchangeOrder, use: show)
            .on(LoyaltyRoutes.markExchanged, use: markExchanged)
            .on(LoyaltyRoutes.rejectExchangeOrder, use: reject)
    }

    /// Places an exchange order; 422 naming each product that cannot be exchanged, 409
    /// `insufficient_points` when the balance is short. `Idempotency-Key` honoured.
    @Sendable func place(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let order = try request.decode(ExchangeOrderRequest.self)
        try ValidationFailure.check(ExchangePricing.problems(of: order))
        let now = dependencies.now()
        let actor = context.historyActor
        let response = try Idempotency.perform(request, context: context, database: dependencies.database) {
            connection in
            let program = try ProgramRepository.load(connection)
            let rewards = try RewardRepository.find(order.items.map(\.productId), in: connection)
            let priced = try ExchangePricing.price(order, rewards: rewards, program: program)
            let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
            let balance = try ledger.open(customerId).points
            guard balance >= priced.total else { throw InsufficientPoints(balance: balance, requested: priced.total) }
            let id = try ExchangeOrderRepository.insert(
                customerId: customerId, items: priced.items, points: priced.total, placedBy: actor, at: now,
                in: connection
            )
            let debit = try ledger.debit(
                customerId, points: priced.total, kind: .exchange,
                cause: HistoryCause(exchangeOrderId: id, actor: actor), shortfall: .refuse
            )
            try ExchangeOrderRepository.setHistory(id, historyId: debit.entry.id, in: connection)
            guard let record = try ExchangeOrderRepository.find(id, in: connection) else {
                throw HTTPError.notFound("Exchange order \(id) vanished.")
            }
            try notifyAdmin(record, in: connection)
            return try .json(record.view(forAdmin: context.isAdmin), status: .created)
        }
        if response.status == .created { dependencies.outbox.wake() }
        return response
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
        guard let record = try dependencies.database.read({ try ExchangeOrderRepository.find(id, in: $0) }),
            // An id stored before the identifier rule matches no customer token; staff still see it.
            CustomerId(record.customerId).map(context.principal.mayActFor) ?? (context.principal.role != .customer)
        else { throw HTTPError.notFound("No exchange order \(id).") }
        return try .json(record.view(forAdmin: context.isAdmin))
    }

    /// Sets "Exchanged: YES/NO". Sends nothing; a rejected order cannot be marked (409).
    @Sendable func markExchanged(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: Int64.self)
        let update = try request.decode(ExchangedUpdate.self)
        let now = dependencies.now()
        let record = try dependencies.database.write { connection in
            guard let record = try ExchangeOrderRepository.find(id, in: connection) else {
                throw HTTPError.notFound("No exchange order \(id).")
            }
            guard record.rejectedAt == nil else {
                throw HTTPError.conflict(
                    "Exchange order \(id) was rejected and cannot be marked.", code: "exchange_order_rejected")
            }
            guard record.exchanged != update.exchanged else { return record }
            try ExchangeOrderRepository.setExchanged(
                id, update.exchanged, by: context.historyActor, at: now, in: connection)
            try Ledger(connection: connection, now: now, expiryMonths: nil).note(
                record.customerId, kind: update.exchanged ? .exchangeAccepted : .exchangeAcceptanceWithdrawn,
                cause: HistoryCause(exchangeOrderId: id, actor: context.historyActor)
            )
            return try ExchangeOrderRepository.find(id, in: connection) ?? record
        }
        return try .json(record.view(forAdmin: true))
    }

    /// Rejects the order and gives its points back with their original expiry. Rejecting twice,
    /// or rejecting an order marked exchanged, is a 409. `Idempotency-Key` honoured.
    @Sendable func reject(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = try context.parameters.require("id", as: Int64.self)
        let rejection = try request.decodeIfPresent(ExchangeRejectionRequest.self, default: ExchangeRejectionRequest())
        let reason = rejection.reason.flatMap { $0.trimmed().isEmpty ? nil : $0 }
        if let reason, reason.count > InputRules.maximumReasonLength {
            throw ValidationFailure(field: "reason", "Must be at most \(InputRules.maximumReasonLength) characters.")
        }
        let now = dependencies.now()
        let actor = context.historyActor
        return try Idempotency.perform(request, context: context, database: dependencies.database) { connection in
            guard let record = try ExchangeOrderRepository.find(id, in: connection) else {
                throw HTTPError.notFound("No exchange order \(id).")
            }
            guard record.rejectedAt == nil else {
                throw HTTPError.conflict("Exchange order \(id) was rejected already.", code: "already_rejected")
            }
            guard !record.exchanged else {
                throw HTTPError.conflict(
                    "Exchange order \(id) is marked exchanged; clear the mark before rejecting it.",
                    code: "already_exchanged"
                )
            }
            guard let historyId = record.historyId else {
                throw LedgerInconsistency(customerId: record.customerId, missing: record.points)
            }
            try Ledger(connection: connection, now: now, expiryMonths: nil).restore(
                consumedBy: historyId, customerId: record.customerId, kind: .exchangeReturned,
                cause: HistoryCause(exchangeOrderId: id, actor: actor, reason: reason)
            )
            try ExchangeOrderRepository.reject(id, reason: reason, by: actor, at: now, in: connection)
            guard let rejected = try ExchangeOrderRepository.find(id, in: connection) else {
                throw HTTPError.notFound("No exchange order \(id).")
            }
            return try .json(rejected.view(forAdmin: true))
        }
    }

    // MARK: - Helpers

    private func page(_ filter: ExchangeOrderRepository.Filter, context: RequestContext) throws -> HTTPResponse {
        let page = try PageRequest(query: context.query)
        let before = try page.integerCursor()
        let records = try dependencies.database.read { connection in
            try ExchangeOrderRepository.list(filter, beforeId: before, limit: page.limit + 1, in: connection)
        }
        let views = records.map { $0.view(forAdmin: context.isAdmin) }
        return try .json(Page.keyset(views, limit: page.limit) { String($0.id) })
    }

    /// Queues the shop owner's notice in the same transaction; skipped when no admin address is configured.
    private func notifyAdmin(_ record: ExchangeOrderRecord, in connection: Connection) throws {
        guard let adminEmail = dependencies.adminEmail else { return }
        var lines = [
            "Customer \(record.customerId) placed exchange order #\(record.id) for \(record.points) points:",
            "",
        ]
        for item in record.items {
            lines.append(
                "  \(item.quantity) × \(item.name) (\(item.productId)): \(item.unitPoints) points each, \(item.points) in total"
            )
        }
        lines += [
            "",
            "Placed at \(RFC3339.format(record.createdAt)). The points have been deducted.",
            "Mark it exchanged or reject it in the loyalty section of the back office.",
            "It is not a sales order: no pro-forma or VAT invoice is issued.",
        ]
        try dependencies.mailer.enqueue(
            MailMessage(
                to: [adminEmail], subject: "New exchange order #\(record.id) (\(record.points) points)",
                textBody: lines.joined(separator: "\n")
            ),
            in: connection, eventId: "loyalty-exchange-order-\(record.id)"
        )
    }
}
