import Contract
import FoundationEssentials

/// Whether a code can be used on a cart, and the discount it gives: the rule behind both
/// validation and redemption, with no I/O.
///
/// The checks run in an order that reveals nothing about codes the caller may not see: a code
/// assigned to someone else is refused before its state (active, dates, uses) is looked at.
public enum CodeEligibility {
    /// Why a code cannot be used.
    public enum Refusal: String, Error, Sendable, CaseIterable, Codable {
        case unknown, otherCustomer, inactive, notYetValid, expired, usedUp, currencyMismatch, belowMinimum

        /// The reason as a caller without an admin key sees it: `unknown` and `otherCustomer`
        /// both read `notFound`, so codes cannot be probed.
        public func shown(toAdmin isAdmin: Bool) -> String {
            if !isAdmin, self == .unknown || self == .otherCustomer { return "notFound" }
            return rawValue
        }
    }

    /// A campaign's terms as far as using its codes goes.
    public struct Terms: Sendable, Equatable {
        public var kind: CampaignKind
        public var validFrom: Date?
        public var validTo: Date?
        public var rule: DiscountRule
        public var minOrderValue: Int64?
        public var currency: String
        /// False while its codes are being generated or after generation failed.
        public var isReady: Bool
    }

    /// One code's state.
    public struct CodeState: Sendable, Equatable {
        public var active: Bool
        /// The customer the code is assigned to, if any.
        public var customerId: String?
        /// How many live redemptions the code has.
        public var uses: Int64
    }

    /// What the storefront is about to order.
    public struct Cart: Sendable, Equatable {
        public var customerId: String?
        /// Goods value in minor units.
        public var orderValue: Int64
        public var shippingCost: Int64
        public var currency: String
    }

    /// The discount the code gives on `cart` at `now`, or why it gives none. `uses` may be one
    /// more than the code's only use when `redemptionOfThisOrder` is true: repeating the same
    /// order's redemption is not a second use.
    public static func check(
        terms: Terms?, code: CodeState?, cart: Cart, now: Date, redemptionOfThisOrder: Bool = false
    ) -> Result<(value: Int64, freeShipping: Bool), Refusal> {
        guard let terms, let code else { return .failure(.unknown) }
        if let owner = code.customerId, owner != cart.customerId { return .failure(.otherCustomer) }
        if terms.kind == .assigned, code.customerId == nil { return .failure(.inactive) }
        guard code.active, terms.isReady else { return .failure(.inactive) }
        if let validFrom = terms.validFrom, now < validFrom { return .failure(.notYetValid) }
        if let validTo = terms.validTo, now > validTo { return .failure(.expired) }
        if terms.kind != .multiUse, code.uses >= 1, !redemptionOfThisOrder { return .failure(.usedUp) }
        guard cart.currency == terms.currency else { return .failure(.currencyMismatch) }
        if let minimum = terms.minOrderValue, cart.orderValue < minimum { return .failure(.belowMinimum) }
        return .success(terms.rule.discount(orderValue: cart.orderValue, shippingCost: cart.shippingCost))
    }
}
