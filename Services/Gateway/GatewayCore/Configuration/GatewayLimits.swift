import ServiceKit

/// The gateway's rate limits, in one place, each settable by a `ZAPLECZE_RATE_*` variable
/// (a rate of 0 turns that limit off).
///
/// | limit | key | default | variables |
/// |---|---|---|---|
/// | anonymous and customer calls | client address | 50/s, burst 100 | `ZAPLECZE_RATE_ADDRESS_PER_SECOND`, `…_ADDRESS_BURST` |
/// | customer calls | customer id | 20/s, burst 40 | `ZAPLECZE_RATE_CUSTOMER_PER_SECOND`, `…_CUSTOMER_BURST` |
/// | failed authentication | client address | 10/min, burst 10 | `ZAPLECZE_RATE_FAILED_AUTH_PER_MINUTE`, `…_FAILED_AUTH_BURST` |
/// | customer-token minting | customer id | 10/min, burst 10 | `ZAPLECZE_RATE_TOKEN_MINT_PER_MINUTE`, `…_TOKEN_MINT_BURST` |
/// | admin and storefront keys | key label | off | `ZAPLECZE_RATE_KEY_PER_SECOND`, `…_KEY_BURST` |
/// | keys remembered per limit | — | 100 000 | `ZAPLECZE_RATE_MAX_KEYS` |
///
/// API keys are not throttled by default: they belong to the shop's own servers, which must be
/// able to send well over 10 000 requests/s, and a leaked key is revoked, not rate limited. When
/// `ZAPLECZE_RATE_KEY_PER_SECOND` is set it may not be below 10 000. Liveness routes (`/health`
/// and each service's `/health`) are never throttled: probes and load balancers call them often.
/// The client address is the TCP peer, or, from a proxy listed in `ZAPLECZE_TRUSTED_PROXIES`, the
/// client it names in `X-Forwarded-For` (`ForwardedClientMiddleware`). A failed-authentication
/// throttle only slows down further failures: a valid credential is never refused by it.
public struct GatewayLimits: Sendable, Equatable {
    public var address: TokenBucketLimiter.Rule? = .init(perSecond: 50, burst: 100)
    public var customer: TokenBucketLimiter.Rule? = .init(perSecond: 20, burst: 40)
    public var failedAuthentication: TokenBucketLimiter.Rule? = .perMinute(10, burst: 10)
    public var tokenMinting: TokenBucketLimiter.Rule? = .perMinute(10, burst: 10)
    public var apiKey: TokenBucketLimiter.Rule?
    public var maxKeys = 100_000

    /// The lowest rate an API-key limit may be set to.
    public static let minimumAPIKeyRate = 10_000.0

    /// The defaults.
    public init() {}

    /// The defaults overridden by the `ZAPLECZE_RATE_*` variables; a bad value is a
    /// configuration error (exit 2).
    public static func from(environment: [String: String]) throws -> GatewayLimits {
        var limits = GatewayLimits()
        limits.address = try rule(environment, "ADDRESS", unit: 1, default: limits.address)
        limits.customer = try rule(environment, "CUSTOMER", unit: 1, default: limits.customer)
        limits.failedAuthentication = try rule(
            environment, "FAILED_AUTH", unit: 60, default: limits.failedAuthentication)
        limits.tokenMinting = try rule(environment, "TOKEN_MINT", unit: 60, default: limits.tokenMinting)
        limits.apiKey = try rule(environment, "KEY", unit: 1, default: limits.apiKey)
        if let rate = limits.apiKey?.perSecond, rate < minimumAPIKeyRate {
            throw ConfigurationError(
                "ZAPLECZE_RATE_KEY_PER_SECOND must be 0 (off) or at least \(Int(minimumAPIKeyRate))")
        }
        if let text = environment["ZAPLECZE_RATE_MAX_KEYS"] {
            guard let count = Int(text), (1...10_000_000).contains(count) else {
                throw ConfigurationError("ZAPLECZE_RATE_MAX_KEYS must be 1–10000000, got '\(text)'")
            }
            limits.maxKeys = count
        }
        return limits
    }

    /// Reads `ZAPLECZE_RATE_<name>_PER_SECOND` (or `_PER_MINUTE` when `unit` is 60) and
    /// `ZAPLECZE_RATE_<name>_BURST`.
    private static func rule(
        _ environment: [String: String], _ name: String, unit: Double, default current: TokenBucketLimiter.Rule?
    ) throws -> TokenBucketLimiter.Rule? {
        let rateVariable = "ZAPLECZE_RATE_\(name)_" + (unit == 60 ? "PER_MINUTE" : "PER_SECOND")
        let burstVariable = "ZAPLECZE_RATE_\(name)_BURST"
        var rate = current.map { $0.perSecond * unit }
        var burst = current?.burst
        if let text = environment[rateVariable] {
            guard let value = Double(text), value.isFinite, value >= 0, value <= 1e9 else {
                throw ConfigurationError("\(rateVariable) must be a number from 0 (off) up, got '\(text)'")
            }
            rate = value
        }
        if let text = environment[burstVariable] {
            guard let value = Double(text), value.isFinite, value >= 1, value <= 1e9 else {
                throw ConfigurationError("\(burstVariable) must be a number from 1 up, got '\(text)'")
            }
            burst = value
        }
        guard let rate, rate > 0 else { return nil }
        // A newly enabled limit without a burst gets one second's (or minute's) worth.
        return TokenBucketLimiter.Rule(perSecond: rate / unit, burst: burst ?? max(1, rate))
    }
}
