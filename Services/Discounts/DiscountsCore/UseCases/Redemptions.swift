import Contract
import FoundationEssentials
import Store

/// Codes at checkout and in reported orders, each in one transaction at the service's clock:
/// validating a code on a cart, redeeming it for an order, and applying an order's new version
/// (which confirms, redeems or releases its code; see `DiscountOrderEventProcessor`).
struct Redemptions: Sendable {
    let dependencies: CheckoutDependencies

    /// What validation says of `code` on `cart` now.
    func validate(_ code: DiscountCode, cart: CodeEligibility.Cart) throws
        -> Result<(value: Int64, freeShipping: Bool), CodeEligibility.Refusal>
    {
        let now = dependencies.now()
        return try dependencies.database.read { connection in
            try CodeCheckout(connection: connection, now: now).evaluate(code, cart: cart, at: now)
        }
    }

    /// Ties `code` to `orderNumber` now, or says why not (see `CodeCheckout.redeem`). A refusal
    /// commits nothing; its answer (and the throttle's count) is the route's.
    func redeem(_ code: DiscountCode, orderNumber: OrderNumber, cart: CodeEligibility.Cart) throws
        -> RedemptionOutcome
    {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            try CodeCheckout(connection: connection, now: now).redeem(
                code, orderNumber: orderNumber, cart: cart, at: now)
        }
    }

    /// Applies one version of an order from the gateway's fan-out.
    func apply(_ event: DiscountOrderEvent) throws -> DiscountOrderEventProcessor.Outcome {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            try DiscountOrderEventProcessor(connection: connection, now: now).apply(event)
        }
    }
}
