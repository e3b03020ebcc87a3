import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// `POST /v1/orders/{orderNumber}/events` (internal): one version of an order from the gateway's
/// order fan-out, for the "verified purchase" mark. 204 for every well-formed event, stale or
/// applied.
struct OrderEventsController: Sendable {
    let dependencies: ReviewsDependencies

    var routes: RouteCollection {
        RouteCollection().on(
            ReviewsRoutes.orderEvents, writingTo: dependencies.database, clock: dependencies.clock, use: receive)
    }

    @Sendable func receive(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        let event = try request.decode(ReviewOrderEvent.self)
        var problems: [ValidationProblem] = []
        if event.orderNumber != orderNumber {
            problems.append(
                .init(
                    field: "orderNumber", message: "The body names order \(event.orderNumber), the path \(orderNumber)."
                ))
        }
        if event.sequence < 1 {
            problems.append(.init(field: "sequence", message: "sequence must be at least 1."))
        }
        try ValidationFailure.check(problems)
        return RouteWrite { connection in
            _ = try Purchases.apply(event, in: connection)
            return .noContent
        }
    }
}
