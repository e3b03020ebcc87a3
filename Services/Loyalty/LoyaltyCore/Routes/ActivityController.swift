import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit
import Store

/// The non-order actions that earn points: a newsletter signup, once per customer
/// ever, and a published review, once per review id. A repeat is a 200 with `awarded: 0`.
struct ActivityController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.newsletterSignup, use: newsletterSignup)
            .on(LoyaltyRoutes.reviewEvents, use: reviewPublished)
    }

    @Sendable func newsletterSignup(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let customerId = try context.customerParameter().text
        let now = dependencies.now()
        let actor = context.historyActor
        return try Idempotency.perform(request, context: context, database: dependencies.database) { connection in
            let firstTime = try ActivityRepository.recordNewsletterSignup(customerId, at: now, in: connection)
            let award = try award(
                customerId, action: .newsletterSignup, firstTime: firstTime, actor: actor,
                cause: HistoryCause(actor: actor, reason: "Newsletter signup."), in: connection, now: now
            )
            try ActivityRepository.addNewsletterPoints(award.awarded, to: customerId, in: connection)
            return try .json(award)
        }
    }

    @Sendable func reviewPublished(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let event = try request.decode(ReviewPublishedEvent.self)
        try ValidationFailure.check(
            [
                InputRules.identifierProblem(event.reviewId, field: "reviewId", kind: ReferenceIdKind.self),
                InputRules.identifierProblem(event.customerId, field: "customerId", kind: CustomerIdKind.self),
                InputRules.identifierProblem(event.productId, field: "productId", kind: ProductIdKind.self),
            ].compactMap { $0 })
        let now = dependencies.now()
        let actor = context.historyActor
        return try dependencies.database.write { connection in
            let firstTime = try ActivityRepository.recordReview(
                event.reviewId, customerId: event.customerId, productId: event.productId, at: now, in: connection)
            // A repeated review id is answered for the customer who earned by it.
            let owner =
                firstTime
                ? event.customerId
                : try ActivityRepository.reviewOwner(event.reviewId, in: connection) ?? event.customerId
            let award = try award(
                owner, action: .reviewPublished, firstTime: firstTime, actor: actor,
                cause: HistoryCause(
                    reviewId: event.reviewId, actor: actor, reason: "Review of product \(event.productId)."),
                in: connection, now: now
            )
            if firstTime {
                try ActivityRepository.setReviewPoints(award.awarded, of: event.reviewId, in: connection)
            }
            return try .json(award)
        }
    }

    /// Credits every active rule of `action` the first time; reports the balance either way.
    private func award(
        _ customerId: String, action: LoyaltyAction, firstTime: Bool, actor: String, cause: HistoryCause,
        in connection: Connection, now: Date
    ) throws -> ActivityAward {
        let program = try ProgramRepository.load(connection)
        let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
        var awarded: Int64 = 0
        if firstTime {
            let rules = try RuleRepository.active([action], in: connection)
            for (rule, points) in try OrderAwardPlan.activityAwards(
                rules: rules, action: action, program: program, at: now)
            {
                var ruleCause = cause
                ruleCause.rule = rule
                try ledger.credit(customerId, points: points, kind: .earned, cause: ruleCause)
                awarded = try Ledger.add(awarded, points)
            }
        }
        let balance = try ledger.open(customerId).points
        return ActivityAward(customerId: customerId, awarded: awarded, firstTime: firstTime, points: balance)
    }
}
