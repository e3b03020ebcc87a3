import Contract
import FoundationEssentials
import Store

/// Applies one order version from the gateway's fan-out, inside a write transaction.
///
/// - A version whose sequence is not newer than the stored one changes nothing, so redelivery
///   and reordering are harmless (the sequence is the dedup key: every event id carries it).
/// - The newest version replaces the order's row (statistics, e-mail).
/// - `cancelled` releases the order's live redemptions: a single-use code is usable again.
/// - A live order (`created`, `paid`, `fulfilled`) naming a code confirms the order's redemption
///   of it, or redeems it when the storefront did not call `POST /redemptions` first. A code that
///   cannot be used is reported in the outcome, not refused: the order exists whatever its code.
/// - `refunded` keeps the redemption: the code was used.
struct DiscountOrderEventProcessor {
    let connection: Connection
    let now: Date

    /// What applying an event did.
    enum Outcome: Equatable {
        /// Older than or the same as the stored version: nothing changed.
        case stale
        /// Stored; `released` redemptions were released, and the code was confirmed, redeemed or
        /// refused (nil when the version names no code or closes the order).
        case applied(released: Int, code: CodeOutcome?)
    }

    /// What became of the code a live order names.
    enum CodeOutcome: Equatable {
        case confirmed
        case redeemed
        /// The code cannot be used; the reason (`codeUsed` for an exclusive code another order holds).
        case refused(String)

        /// For the log: `confirmed`, `redeemed` or `refused`.
        var label: String {
            switch self {
            case .confirmed: "confirmed"
            case .redeemed: "redeemed"
            case .refused: "refused"
            }
        }
    }

    /// Applies `event`.
    func apply(_ event: DiscountOrderEvent) throws -> Outcome {
        if let stored = try DiscountOrderRepository.sequence(of: event.orderNumber.text, in: connection),
            stored >= event.sequence
        {
            return .stale
        }
        try DiscountOrderRepository.save(event, in: connection)
        let checkout = CodeCheckout(connection: connection, now: now)
        switch event.status {
        case .cancelled:
            return .applied(released: try checkout.releaseAll(of: event.orderNumber), code: nil)
        case .refunded:
            return .applied(released: 0, code: nil)
        case .created, .paid, .fulfilled:
            guard let code = event.discountCode else { return .applied(released: 0, code: nil) }
            return .applied(released: 0, code: try confirmOrRedeem(code, event: event, checkout: checkout))
        }
    }

    private func confirmOrRedeem(_ code: DiscountCode, event: DiscountOrderEvent, checkout: CodeCheckout) throws
        -> CodeOutcome
    {
        let cart = CodeEligibility.Cart(
            customerId: event.customerId?.text, orderValue: event.orderValue, shippingCost: event.shippingCost,
            currency: event.currency)
        // The code is judged at the time the order was placed: a delivery delayed past the
        // campaign's end must not refuse a code that was valid at checkout.
        let outcome = try checkout.redeem(code, orderNumber: event.orderNumber, cart: cart, at: event.placedAt)
        switch outcome {
        case .repeated(let redemption), .created(let redemption):
            try RedemptionRepository.confirm(redemption.id, orderValue: event.orderValue, at: now, in: connection)
            if case .created = outcome { return .redeemed }
            return .confirmed
        case .codeUsed, .refused:
            return .refused(outcome.failure ?? "")
        }
    }
}
