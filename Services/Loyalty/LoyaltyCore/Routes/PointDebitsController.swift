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
/// the points back once, with their original expiry; repeating it answers the same. What each
/// move does is `PointDebits`' business.
struct PointDebitsController: Sendable {
    let dependencies: LoyaltyDependencies

    private var pointDebits: PointDebits { PointDebits(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.debit, use: debit)
            .on(LoyaltyRoutes.pointDebit, use: show)
            .on(LoyaltyRoutes.compensation, use: compensate)
    }

    @Sendable func debit(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debit = try request.decode(PointDebitRequest.self)
        try ValidationFailure.check(PointDebits.problems(of: debit))
        let outcome = try pointDebits.debit(debit, by: context.historyActor)
        return outcome.repeated
            ? try .json(outcome.debit, headers: ["Idempotent-Replayed": "true"])
            : try .json(outcome.debit, status: .created)
    }

    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debitId = try InputRules.pathIdentifier(context.parameters, "debitId", kind: ReferenceIdKind.self)
        return try .json(pointDebits.debit(debitId))
    }

    @Sendable func compensate(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let debitId = try InputRules.pathIdentifier(context.parameters, "debitId", kind: ReferenceIdKind.self)
        let outcome = try pointDebits.compensate(debitId, by: context.historyActor)
        return try .json(outcome.debit, headers: outcome.repeated ? ["Idempotent-Replayed": "true"] : [:])
    }
}
