import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// Points taken by other services (a discount code bought with points):
/// `POST /v1/point-debits`, `GET /v1/point-debits/{debitId}`,
/// `POST /v1/point-debits/{debitId}/compensation`. Internal: service and admin only.
///
/// The caller's `debitId` makes a debit idempotent: the same id answers the recorded debit
/// (200) and takes nothing more; a different customer or amount under a used id is a 409. A
/// refused debit records nothing, so it may be retried under the same id. Compensation gives
/// the points back once, with their original expiry; repeating it answers the same.
struct PointDebitsController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.debit, use: debit)
            .on(LoyaltyRoutes.pointDebit, use: show)
            .on(LoyaltyRoutes.compensation, use: compensate)
    }

    @Sendable func debit(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debit = try request.decode(PointDebitRequest.self)
        var problems = [
            InputRules.identifierProblem(debit.debitId, field: "debitId", kind: ReferenceIdKind.self),
            InputRules.identifierProblem(debit.customerId, field: "customerId", kind: CustomerIdKind.self),
            InputRules.textProblem(debit.reason, field: "reason", limit: InputRules.maximumReasonLength),
        ].compactMap { $0 }
        if debit.points <= 0 { problems.append(.init(field: "points", message: "Must be greater than 0.")) }
        try ValidationFailure.check(problems)
        let now = dependencies.now()
        let actor = context.historyActor
        return try dependencies.database.write { connection in
            if let existing = try PointDebitRepository.find(debit.debitId, in: connection) {
                guard CustomerId(existing.debit.customerId) == CustomerId(debit.customerId),
                    existing.debit.points == debit.points
                else {
                    throw HTTPError.conflict(
                        "Debit \(debit.debitId) was recorded for another customer or amount.", code: "debit_id_reused"
                    )
                }
                return try .json(existing.debit, headers: ["Idempotent-Replayed": "true"])
            }
            let program = try ProgramRepository.load(connection)
            let outcome = try Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths).debit(
                debit.customerId, points: debit.points, kind: .debit,
                cause: HistoryCause(debitId: debit.debitId, actor: actor, reason: debit.reason), shortfall: .refuse
            )
            let recorded = PointDebit(
                debitId: debit.debitId, customerId: debit.customerId, points: debit.points, reason: debit.reason,
                balanceAfter: outcome.entry.balanceAfter, createdAt: now
            )
            try PointDebitRepository.insert(recorded, historyId: outcome.entry.id, in: connection)
            return try .json(recorded, status: .created)
        }
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debitId = try InputRules.pathIdentifier(context.parameters, "debitId", kind: ReferenceIdKind.self)
        guard let record = try dependencies.database.read({ try PointDebitRepository.find(debitId, in: $0) }) else {
            throw HTTPError.notFound("No debit \(debitId).")
        }
        return try .json(record.debit)
    }

    @Sendable func compensate(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debitId = try InputRules.pathIdentifier(context.parameters, "debitId", kind: ReferenceIdKind.self)
        let now = dependencies.now()
        let actor = context.historyActor
        return try dependencies.database.write { connection in
            guard let record = try PointDebitRepository.find(debitId, in: connection) else {
                throw HTTPError.notFound("No debit \(debitId).")
            }
            guard record.debit.compensatedAt == nil else {
                return try .json(record.debit, headers: ["Idempotent-Replayed": "true"])
            }
            let entry = try Ledger(connection: connection, now: now, expiryMonths: nil).restore(
                consumedBy: record.historyId, customerId: record.debit.customerId, kind: .debitReturned,
                cause: HistoryCause(debitId: debitId, actor: actor, reason: record.debit.reason)
            )
            try PointDebitRepository.markCompensated(debitId, historyId: entry.id, at: now, in: connection)
            var debit = record.debit
            debit.compensatedAt = now
            return try .json(debit)
        }
    }
}
