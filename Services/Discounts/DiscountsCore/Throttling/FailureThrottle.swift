import Contract
import HTTP
import Primitives
import ServiceKit

/// Slows down guessing: failed validations and redemptions are counted per customer and per
/// client, and once one of them has failed `rule.burst` times (10) in quick succession, its
/// further failures are answered 429 `too_many_failures` with `Retry-After` instead of a reason.
///
/// Only failures are ever throttled, and a request is judged before it is counted: a valid code
/// is answered whatever others (or the same caller) failed before, so a shopper behind an
/// attacker's address or a storefront under attack still redeems a real code.
///
/// The counting is a token bucket (`TokenBucketLimiter`): ten failures at once, then one more
/// every six seconds. It lives in memory, bounded by `maxKeys` with idle keys evicted first, and
/// is per process; a restart forgets it, which costs an attacker's ten guesses, not a shopper's.
final class FailureThrottle: Sendable {
    private let limiter: TokenBucketLimiter

    /// A throttle of `rule`, reading time from `clock`.
    init(
        rule: TokenBucketLimiter.Rule = DiscountsService.defaultFailureRule, maxKeys: Int = 100_000,
        clock: MonotonicClock
    ) {
        limiter = TokenBucketLimiter(rule: rule, maxKeys: maxKeys, clock: clock)
    }

    /// The keys one attempt counts against.
    ///
    /// - A customer token: its customer, and the client address the gateway forwards, so many
    ///   tokens from one address do not multiply the guesses.
    /// - The storefront: the cart's customer when it names one. The storefront key is the whole
    ///   shop's, so counting every shopper's failures under it would let one guesser turn every
    ///   shopper's honest typo into a 429; a guest cart (no customer) counts against the key.
    /// - Admins and services are not throttled: an admin can list every code anyway.
    static func keys(principal: Principal, cartCustomer: CustomerId?, clientAddress: String) -> [String] {
        switch principal.role {
        case .customer:
            let customer = cartCustomer ?? principal.customerId
            return ["customer:" + (customer?.text ?? ""), "address:" + clientAddress]
        case .storefront:
            if let cartCustomer { return ["customer:" + cartCustomer.text] }
            return ["key:storefront:" + (principal.name ?? "")]
        case .anonymous:
            return ["address:" + clientAddress]
        case .admin, .service:
            return []
        }
    }

    /// Counts one failed attempt against `keys`, unless one of them has no failures left: then
    /// nothing is counted and the 429 to answer is thrown.
    func recordFailure(keys: [String]) throws(HTTPError) {
        var wait = 0
        for key in keys {
            if case .limited(let seconds) = limiter.peek(key) { wait = max(wait, seconds) }
        }
        if wait == 0 {
            for key in keys {
                if case .limited(let seconds) = limiter.acquire(key) { wait = max(wait, seconds) }
            }
        }
        guard wait > 0 else { return }
        throw HTTPError.tooManyRequests(
            retryAfter: wait, message: "Too many failed attempts with codes; try again in \(wait) s.",
            code: "too_many_failures")
    }

    /// How many keys are remembered now.
    var keyCount: Int { limiter.keyCount }
}
