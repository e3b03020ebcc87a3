import CSV
import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// A customer's points: balance, coefficient, history (JSON pages and a CSV statement) and the
/// admin's manual adjustments.
struct CustomersController: Sendable {
    let dependencies: LoyaltyDependencies

    private var accounts: Accounts { Accounts(dependencies: dependencies) }
    private var adjustments: PointsAdjustments { PointsAdjustments(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.customer, use: balance)
            .on(LoyaltyRoutes.expiring, use: expiring)
            .on(LoyaltyRoutes.setCoefficient, use: setCoefficient)
            .on(LoyaltyRoutes.history, use: history)
            .on(LoyaltyRoutes.statement, use: statement)
            .on(LoyaltyRoutes.adjust, writingTo: dependencies.database, clock: dependencies.clock, use: adjust)
    }

    /// The balance; an unknown customer has zeros (200), so the storefront need not register
    /// customers before showing their points.
    @Sendable func balance(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(accounts.summary(try context.customerParameter().text))
    }

    /// The points that will expire, per day; points already overdue are expired first.
    @Sendable func expiring(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try .json(accounts.expiring(try context.customerParameter().text))
    }

    @Sendable func setCoefficient(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let update = try request.decode(CoefficientUpdate.self)
        let summary = try accounts.setCoefficient(customerId, update.coefficient)
        dependencies.logger.info(
            "coefficient set",
            [
                ("requestId", .string(context.requestId)), ("customerId", .string(customerId)),
                ("coefficient", .string(update.coefficient.description)), ("by", .string(context.historyActor)),
            ])
        return try .json(summary)
    }

    /// The history, newest first; `cursor` is the id of the last entry seen.
    @Sendable func history(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let page = try PageRequest(query: context.query)
        let before = try page.integerCursor()
        let entries = try accounts.history(customerId, beforeId: before, limit: page.limit + 1)
        let forCustomer = context.principal.role == .customer
        let shown = forCustomer ? entries.map(\.customerView) : entries
        return try .json(Page.keyset(shown, limit: page.limit) { String($0.id) })
    }

    /// The whole history as CSV, oldest first: the customer's points statement (in the
    /// customer's view when the customer asks).
    @Sendable func statement(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let forCustomer = context.principal.role == .customer
        let writer = CSVWriter(header: HistoryEntry.statementHeader(forCustomer: forCustomer))
        var body = writer.headerLine
        try accounts.forEachEntry(customerId) { body += writer.row($0.statementRow(forCustomer: forCustomer)) }
        return HTTPResponse(
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"points-history.csv\"",
            ],
            bytes: body
        )
    }

    /// Adds or subtracts points by hand. Never below zero (409 `insufficient_points`); the
    /// customer is not notified; `Idempotency-Key` makes a retry safe.
    @Sendable func adjust(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.customerParameter().text
        let adjustment = try request.decode(PointsAdjustmentRequest.self)
        try ValidationFailure.check(PointsAdjustments.problems(of: adjustment))
        let actor = context.historyActor
        return RouteWrite {
            try .json(adjustments.adjust(adjustment, for: customerId, by: actor, in: $0), status: .created)
        }
    }
}
