import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// The non-order actions that earn points: a newsletter signup, once per customer
/// ever, and a published review, once per review id. A repeat is a 200 with `awarded: 0`.
/// What each credits is `ActivityAwards`' business.
struct ActivityController: Sendable {
    let dependencies: LoyaltyDependencies

    private var awards: ActivityAwards { ActivityAwards(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(
                LoyaltyRoutes.newsletterSignup, writingTo: dependencies.database, clock: dependencies.clock,
                use: newsletterSignup
            )
            .on(LoyaltyRoutes.reviewEvents, use: reviewPublished)
    }

    @Sendable func newsletterSignup(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let customerId = try context.customerParameter().text
        let actor = context.historyActor
        return RouteWrite { try .json(awards.newsletterSignup(customerId, by: actor, in: $0)) }
    }

    @Sendable func reviewPublished(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let event = try request.decode(ReviewPublishedEvent.self)
        try ValidationFailure.check(
            [
                InputRules.identifierProblem(event.reviewId, field: "reviewId", kind: ReferenceIdKind.self),
                InputRules.identifierProblem(event.customerId, field: "customerId", kind: CustomerIdKind.self),
                InputRules.identifierProblem(event.productId, field: "productId", kind: ProductIdKind.self),
            ].compactMap { $0 })
        return try .json(awards.reviewPublished(event, by: context.historyActor))
    }
}
