import Contract
import FoundationEssentials
import Store

/// Validation, redemption and release of codes, on one connection.
///
/// Redemption runs inside the store's single writer (`Database.write`, one `BEGIN IMMEDIATE`
/// transaction shared by the writes of a group commit, each in its own savepoint), so the code's
/// state read here is the latest committed or written by an earlier write of the same group:
/// two redemptions of one code never both see it unused. The partial unique index
/// `redemptions_exclusive` is the last guard: were a second live redemption of an exclusive code
/// ever attempted, SQLite refuses it, and that refusal is `code_used` too.
struct CodeCheckout {
    let connection: Connection
    /// When redemptions are made and released.
    let now: Date

    /// What validation says of `code` on `cart` when checked at `at` (the order's time).
    func evaluate(_ code: DiscountCode, cart: CodeEligibility.Cart, at instant: Date) throws
        -> Result<(value: Int64, freeShipping: Bool), CodeEligibility.Refusal>
    {
        let found = try CheckoutCodeRepository.find(code.normalised, in: connection)
        return CodeEligibility.check(terms: found?.terms, code: found?.state, cart: cart, now: instant)
    }

    /// Ties `code` to `orderNumber` unless the order holds it already (then that redemption), the
    /// code is exclusive and another order holds it (`codeUsed`), or the code cannot be used on
    /// `cart` at `instant` (the order's time; `now` for a checkout).
    func redeem(_ code: DiscountCode, orderNumber: OrderNumber, cart: CodeEligibility.Cart, at instant: Date) throws
        -> RedemptionOutcome
    {
        guard let found = try CheckoutCodeRepository.find(code.normalised, in: connection) else {
            return .refused(.unknown)
        }
        if let held = try RedemptionRepository.live(orderNumber: orderNumber.text, codeId: found.id, in: connection) {
            return .repeated(held.redemption)
        }
        switch CodeEligibility.check(terms: found.terms, code: found.state, cart: cart, now: instant) {
        case .failure(.usedUp):
            return .codeUsed
        case .failure(let reason):
            return .refused(reason)
        case .success(let discount):
            let id: Int64
            do {
                // A savepoint of its own: a refused INSERT leaves nothing of this attempt behind.
                id = try connection.savepoint {
                    try RedemptionRepository.insert(
                        code: found, orderNumber: orderNumber.text, customerId: cart.customerId,
                        orderValue: cart.orderValue, discount: discount.value, freeShipping: discount.freeShipping,
                        at: now, in: connection)
                }
            } catch let error as SQLiteError where error.isUniqueViolation {
                return .codeUsed
            }
            try CheckoutCodeRepository.countUse(found, in: connection)
            guard let stored = try RedemptionRepository.find(id, in: connection) else { return .codeUsed }
            return .created(stored.redemption)
        }
    }

    /// Releases redemption `id`: its code is free again (a single-use code usable by another
    /// order). False when there is no such redemption; releasing a released one changes nothing.
    func release(_ id: Int64) throws -> Bool {
        guard let stored = try RedemptionRepository.find(id, in: connection) else { return false }
        try release(stored)
        return true
    }

    /// Releases every live redemption of the order; returns how many.
    func releaseAll(of orderNumber: OrderNumber) throws -> Int {
        let live = try RedemptionRepository.live(orderNumber: orderNumber.text, in: connection)
        for stored in live { try release(stored) }
        return live.count
    }

    private func release(_ stored: StoredRedemption) throws {
        guard try RedemptionRepository.release(stored.redemption.id, at: now, in: connection) else { return }
        try CheckoutCodeRepository.countRelease(
            codeId: stored.codeId, campaignId: stored.redemption.campaignId, in: connection)
    }
}
