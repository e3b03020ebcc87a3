import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// Sales orders, as the gateway's order fan-out reports them: `POST /v1/orders/{orderNumber}/events`
/// (internal, not public), and `GET /v1/orders/{orderNumber}` to see what an order earned.
struct OrdersController: Sendable {
    let dependencies: LoyaltyDependencies

    var routes: RouteCollection {
        RouteCollection()
            .on(LoyaltyRoutes.orderEvents, use: receive)
            .on(LoyaltyRoutes.order, use: show)
    }

    /// Applies one order event (see `OrderEventProcessor`); always 200 for a well-formed event,
    /// with `outcome` telling whether it was applied, a duplicate or stale.
    @Sendable func receive(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        let event = try request.decode(OrderEvent.self)
        try ValidationFailure.check(Self.problems(of: event, orderNumber: orderNumber))
        let points = try OrderEventProcessor.apply(event, to: dependencies.database, at: dependencies.now())
        if points.outcome == .applied {
            dependencies.logger.info(
                "order event applied",
                [
                    ("requestId", .string(context.requestId)), ("orderNumber", .string(orderNumber.text)),
                    ("sequence", .int(event.sequence)), ("status", .string(event.status.rawValue)),
                ])
        }
        return try .json(points)
    }

    /// The order's awards: what each rule gives, whether it is pending, credited or cancelled,
    /// and how much was taken back.
    @Sendable func show(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try InputRules.pathIdentifier(context.parameters, "orderNumber", kind: OrderNumberKind.self)
        guard let points = try OrderEventProcessor.points(of: orderNumber, in: dependencies.database) else {
            throw HTTPError.notFound("Loyalty has not seen order \(orderNumber).")
        }
        return try .json(points)
    }

    /// What makes an event unusable, naming its fields: the contract's order rules (the ones the
    /// gateway applied before it accepted the order) and the path's agreement with the body.
    static func problems(of event: OrderEvent, orderNumber: OrderNumber) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if event.orderNumber != orderNumber {
            problems.append(
                .init(
                    field: "orderNumber", message: "The body names order \(event.orderNumber), the path \(orderNumber)."
                ))
        }
        return problems + event.problems()
    }
}
