import HTTP
import ServiceKit

/// Throttles callers by who they are (after authentication): anonymous calls per client
/// address; customer calls per customer and per address; API keys only when a key limit is
/// configured. A refused call is a 429 with `Retry-After` in seconds and the JSON envelope.
public struct RateLimitMiddleware: HeadMiddleware {
    let perAddress: TokenBucketLimiter?
    let perCustomer: TokenBucketLimiter?
    let perAPIKey: TokenBucketLimiter?
    /// Route patterns never throttled (liveness probes).
    let unthrottledRoutes: Set<String>

    /// Builds the limiters of `limits`, on `clock`.
    public init(
        limits: GatewayLimits, unthrottledRoutes: Set<String>,
        clock: MonotonicClock = .system
    ) {
        perAddress = limits.address.map { TokenBucketLimiter(rule: $0, maxKeys: limits.maxKeys, clock: clock) }
        perCustomer = limits.customer.map { TokenBucketLimiter(rule: $0, maxKeys: limits.maxKeys, clock: clock) }
        perAPIKey = limits.apiKey.map { TokenBucketLimiter(rule: $0, maxKeys: limits.maxKeys, clock: clock) }
        self.unthrottledRoutes = unthrottledRoutes
    }

    /// Token buckets live in memory, behind short locks.
    public var neverBlocks: Bool { true }

    /// Decided from the head (after authentication), so a throttled caller's body is never read.
    public func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
        if !unthrottledRoutes.contains(context.route) {
            let principal = context.principal
            switch principal.role {
            case .anonymous:
                try Self.check(perAddress, context.remoteAddress)
            case .customer:
                try Self.check(perCustomer, principal.customerId?.text ?? "")
                try Self.check(perAddress, context.remoteAddress)
            case .admin, .storefront:
                try Self.check(perAPIKey, "\(principal.role.rawValue):\(principal.name ?? "")")
            case .service:
                break
            }
        }
        return .proceed
    }

    static func check(_ limiter: TokenBucketLimiter?, _ key: String) throws(HTTPError) {
        guard let limiter, case .limited(let seconds) = limiter.acquire(key) else { return }
        throw HTTPError.tooManyRequests(retryAfter: seconds)
    }
}
