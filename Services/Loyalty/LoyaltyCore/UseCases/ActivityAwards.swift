import Contract
import FoundationEssentials
import Glibc
import Store

/// The non-order actions that earn points: a newsletter signup, once per customer ever, and a
/// published review, once per review id. The first time, every active rule of the action is
/// credited; a repeat credits nothing and answers `awarded: 0` with the balance.
struct ActivityAwards: Sendable {
    let dependencies: LoyaltyDependencies

    /// Credits the customer's newsletter signup, in the write transaction its route opens (so an
    /// `Idempotency-Key` answer is stored with it).
    func newsletterSignup(_ customerId: String, by actor: String, in connection: Connection) throws -> ActivityAward {
        let now = dependencies.now()
        let firstTime = try ActivityRepository.recordNewsletterSignup(customerId, at: now, in: connection)
        let award = try award(
            customerId, action: .newsletterSignup, firstTime: firstTime,
            cause: HistoryCause(actor: actor, reason: "Newsletter signup."), in: connection, now: now
        )
        try ActivityRepository.addNewsletterPoints(award.awarded, to: customerId, in: connection)
        return award
    }

    /// Credits a published review (its identifiers checked by the route) in a transaction of its
    /// own. A repeated review id is answered for the customer who earned by it.
    func reviewPublished(_ event: ReviewPublishedEvent, by actor: String) throws -> ActivityAward {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            let firstTime = try ActivityRepository.recordReview(
                event.reviewId, customerId: event.customerId, productId: event.productId, at: now, in: connection)
            let owner =
                firstTime
                ? event.customerId
                : try ActivityRepository.reviewOwner(event.reviewId, in: connection) ?? event.customerId
            let award = try award(
                owner, action: .reviewPublished, firstTime: firstTime,
                cause: HistoryCause(
                    reviewId: event.reviewId, actor: actor, reason: "Review of product \(event.productId)."),
                in: connection, now: now
            )
            if firstTime {
                try ActivityRepository.setReviewPoints(award.awarded, of: event.reviewId, in: connection)
            }
            return award
        }
    }

    /// Credits every active rule of `action` the first time; reports the balance either way.
    private func award(
        _ customerId: String, action: LoyaltyAction, firstTime: Bool, cause: HistoryCause, in connection: Connection,
        now: Date
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
