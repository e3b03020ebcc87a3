import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// `POST /v1/orders/{orderNumber}/events` (internal): one version of an order from the gateway's
/// order fan-out. Answers 204 for every well-formed event, stale or applied, and for a code that
/// cannot be used (logged and counted): refusing the event would only make the gateway retry an
/// order whose code will not become usable.
struct OrderEventsController: Sendable {
    let dependencies: CheckoutDependencies

    var routes: RouteCollection {
        RouteCollection().on(DiscountsRoutes.orderEvents, use: receive)
    }

    @Sendable func receive(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let orderNumber = try context.parameters.require("orderNumber", as: OrderNumber.self)
        let event = try request.decode(DiscountOrderEvent.self)
        try ValidationFailure.check(Self.problems(of: event, orderNumber: orderNumber))
        let outcome = try Redemptions(dependencies: dependencies).apply(event)
        var fields: [(String, LogValue)] = [
            ("requestId", .string(context.requestId)), ("orderNumber", .string(orderNumber.text)),
            ("sequence", .int(event.sequence)), ("status", .string(event.status.rawValue)),
        ]
        switch outcome {
        case .stale:
            dependencies.logger.debug("stale order event ignored", fields)
        case .applied(let released, let code):
            fields.append(("released", .int(Int64(released))))
            if let code { fields.append(("codeOutcome", .string(code.label))) }
            if case .refused(let reason) = code {
                fields.append(("code", .string(event.discountCode?.text ?? "")))
                fields.append(("reason", .string(reason)))
                dependencies.metrics.increment(
                    CheckoutDependencies.orderCodeRefusals, labels: "reason=\"\(reason)\"")
                dependencies.logger.warn("order's code could not be redeemed", fields)
            } else {
                dependencies.logger.info("order event applied", fields)
            }
        }
        return .noContent
    }

    /// What makes an event unusable, naming its fields: the path's agreement with the body, and
    /// the figures the gateway derived from a validated order.
    static func problems(of event: DiscountOrderEvent, orderNumber: OrderNumber) -> [ValidationProblem] {
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
        if event.orderValue < 0 {
            problems.append(.init(field: "orderValue", message: "orderValue must not be negative."))
        }
        if event.shippingCost < 0 {
            problems.append(.init(field: "shippingCost", message: "shippingCost must not be negative."))
        }
        if !Currency.isKnown(event.currency) {
            problems.append(.init(field: "currency", message: "currency must be an ISO 4217 code the shop knows."))
        }
        return problems
    }
}
