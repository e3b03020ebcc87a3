import Contract
import FoundationEssentials
import HTTP
import ServiceKit

/// Codes at checkout: `POST /v1/validations`, `POST /v1/redemptions`, `DELETE /v1/redemptions/{id}`.
///
/// A refused attempt is counted by the failure throttle before it is answered; a caller past its
/// failures gets 429 `too_many_failures` instead of the reason. A usable code is answered first
/// and never counted, so it is never throttled.
struct CheckoutController: Sendable {
    let dependencies: CheckoutDependencies

    private var redemptions: Redemptions { Redemptions(dependencies: dependencies) }

    var routes: RouteCollection {
        RouteCollection()
            .on(DiscountsRoutes.validate, use: validate)
            .on(DiscountsRoutes.redeem, use: redeem)
            .on(DiscountsRoutes.release, writingTo: dependencies.database, clock: dependencies.clock, use: release)
    }

    /// Whether the code can be used on the cart and what it takes off; a refusal is 200 with
    /// `valid: false` and the reason (`notFound` for unknown and others' codes, unless admin).
    @Sendable func validate(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(CodeValidationRequest.self)
        try ValidationFailure.check(input.validate())
        let customer = try context.cartCustomer(input.customerId)
        let cart = CodeEligibility.Cart(
            customerId: customer?.text, orderValue: input.orderValue, shippingCost: input.shippingCost,
            currency: input.currency)
        let result = try redemptions.validate(input.code, cart: cart)
        switch result {
        case .success(let discount):
            dependencies.count("validate", result: "ok")
            return try .json(
                CodeValidation(
                    valid: true, discountValue: discount.value, freeShipping: discount.freeShipping, reason: nil))
        case .failure(let reason):
            try refuse(reason.rawValue, route: "validate", request: request, context: context, customer: customer)
            let shown = CodeRefusalReason(rawValue: reason.shown(toAdmin: context.isAdmin)) ?? .notFound
            return try .json(CodeValidation(valid: false, discountValue: 0, freeShipping: false, reason: shown))
        }
    }

    /// Ties the code to the order: 201 with the new redemption, 200 with the order's existing
    /// one, 409 `code_used` when another order holds an exclusive code, 409 `code_not_usable`
    /// with `details.reason` otherwise.
    @Sendable func redeem(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let input = try request.decode(RedemptionRequest.self)
        try ValidationFailure.check(input.validate())
        let cart = CodeEligibility.Cart(
            customerId: input.customerId?.text, orderValue: input.orderValue, shippingCost: input.shippingCost,
            currency: input.currency)
        let outcome = try redemptions.redeem(input.code, orderNumber: input.orderNumber, cart: cart)
        switch outcome {
        case .created(let redemption):
            dependencies.count("redeem", result: "ok")
            dependencies.logger.info(
                "code redeemed",
                [
                    ("requestId", .string(context.requestId)), ("redemptionId", .int(redemption.id)),
                    ("orderNumber", .string(redemption.orderNumber.text)),
                ])
            return try .json(redemption, status: .created)
        case .repeated(let redemption):
            dependencies.count("redeem", result: "ok")
            return try .json(redemption)
        case .codeUsed, .refused:
            try refuse(
                outcome.failure ?? "", route: "redeem", request: request, context: context, customer: input.customerId)
            if case .refused(let reason) = outcome {
                throw CheckoutRefusal.notUsable(shownReason: reason.shown(toAdmin: context.isAdmin))
            }
            throw CheckoutRefusal.codeUsed
        }
    }

    /// Releases a redemption (204); releasing one released before is 204 too, so a retried
    /// release is harmless; an id that never existed is 404.
    @Sendable func release(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
        let id = try context.parameters.require("id", as: Int64.self)
        let now = dependencies.now()
        return RouteWrite { connection in
            guard try CodeCheckout(connection: connection, now: now).release(id) else {
                throw CheckoutRefusal.noRedemption(id)
            }
            return .noContent
        }
    }

    /// Counts a failed attempt, throwing the 429 when the caller is past its failures.
    private func refuse(
        _ reason: String, route: String, request: HTTPRequest, context: RequestContext, customer: CustomerId?
    ) throws(HTTPError) {
        let keys = FailureThrottle.keys(
            principal: context.principal, cartCustomer: customer, clientAddress: context.clientAddress(request))
        do {
            try dependencies.throttle.recordFailure(keys: keys)
        } catch {
            dependencies.count(route, result: "throttled")
            throw error
        }
        dependencies.count(route, result: reason)
    }
}
