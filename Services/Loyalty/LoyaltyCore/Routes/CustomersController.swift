import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// A customer's points: balance, coefficient, history (JSON pages and a CSV statement) and the
/// admin's manual adjustments.
struct CustomersController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.customer, use: balance)
            .on(LoyaltyRoutes.expiring, use: expiring)
            .on(LoyaltyRoutes.setCoefficient, use: setCoefficient)
            .on(LoyaltyRoutes.history, use: history)
            .on(LoyaltyRoutes.statement, use: statement)
            .on(LoyaltyRoutes.adjust, use: adjust)
    }

    /// The balance; an unknown customer has zeros (200), so the storefront need not register
    /// customers before showing their points.
    @Sendable func balance(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        // One read answers the common case; only a customer with overdue points costs a write.
        let now = dependencies.now()
        let (summary, overdue) = try dependencies.database.read { connection in
            (
                try AccountRepository.summary(customerId, in: connection),
                try Ledger.hasDueLots(customerId, in: connection, now: now)
            )
        }
        guard overdue else { return try .json(summary) }
        try dependencies.expireDue(customerId)
        return try .json(try dependencies.database.read { try AccountRepository.summary(customerId, in: $0) })
    }

    /// The points that will expire, per day; points already overdue are expired first.
    @Sendable func expiring(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        try dependencies.expireDue(customerId)
        return try .json(try dependencies.database.read { try AccountRepository.expiringByDay(customerId, in: $0) })
    }

    @Sendable func setCoefficient(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let update = try request.decode(CoefficientUpdate.self)
        let now = dependencies.now()
        let summary = try dependencies.database.write { connection in
            try Ledger(connection: connection, now: now, expiryMonths: nil).setCoefficient(
                customerId, update.coefficient)
            return try AccountRepository.summary(customerId, in: connection)
        }
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
        try dependencies.expireDue(customerId)
        let entries = try dependencies.database.read { connection in
            try HistoryRepository.page(customerId, beforeId: before, limit: page.limit + 1, in: connection)
        }
        let forCustomer = context.principal.role == .customer
        let shown = forCustomer ? entries.map(\.customerView) : entries
        return try .json(Page.keyset(shown, limit: page.limit) { String($0.id) })
    }

    /// The whole history as CSV, oldest first: the customer's points statement (in the
    /// customer's view when the customer asks).
    @Sendable func statement(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        try dependencies.expireDue(customerId)
        let forCustomer = context.principal.role == .customer
        let writer = CSVWriter(header: HistoryEntry.statementHeader(forCustomer: forCustomer))
        var body = writer.headerLine
        try dependencies.database.read { connection in
            try HistoryRepository.forEach(customerId, in: connection) { entry in
                body += writer.row(entry.statementRow(forCustomer: forCustomer))
            }
        }
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
    @Sendable func adjust(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let adjustment = try request.decode(PointsAdjustmentRequest.self)
        var problems: [LoyaltyValidationProblem] = []
        if adjustment.points == 0 || adjustment.points == .min {
            // Int64.min has no positive counterpart to subtract, so the range is symmetric.
            problems.append(
                .init(
                    field: "points",
                    message:
                        "Must be a whole number from -\(Int64.max) to \(Int64.max) other than 0 (negative subtracts)."
                ))
        }
        if let problem = InputRules.textProblem(
            adjustment.reason, field: "reason", limit: InputRules.maximumReasonLength)
        {
            problems.append(problem)
        }
        if let note = adjustment.publicNote,
            let problem = InputRules.textProblem(note, field: "publicNote", limit: InputRules.maximumReasonLength)
        {
            problems.append(problem)
        }
        try ValidationFailure.check(problems)
        let now = dependencies.now()
        let cause = HistoryCause(
            actor: context.historyActor, reason: adjustment.reason, publicNote: adjustment.publicNote)
        return try Idempotency.perform(request, context: context, database: dependencies.database) { connection in
            let program = try ProgramRepository.load(connection)
            let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
            let entry: HistoryEntry
            if adjustment.points > 0 {
                entry = try ledger.credit(customerId, points: adjustment.points, kind: .adjustment, cause: cause)
            } else {
                entry = try ledger.debit(
                    customerId, points: -adjustment.points, kind: .adjustment, cause: cause, shortfall: .refuse
                ).entry
            }
            let result = PointsAdjustmentResult(
                customerId: customerId, points: entry.balanceAfter, pendingPoints: entry.pendingAfter, entry: entry
            )
            return try .json(result, status: .created)
        }
    }
}
