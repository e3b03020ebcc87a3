import Contract
import FoundationEssentials
import HTTP
import Primitives
import ServiceKit
import Store

/// What the checkout use cases and routes share: the database, the clock, the failure throttle, logs and metrics.
struct CheckoutDependencies: Sendable {
    let database: Database
    /// What every redemption and validity decision reads.
    let clock: WallClock
    let throttle: FailureThrottle
    let logger: Logger
    let metrics: MetricsRegistry

    /// Counts the codes named by reported orders that could not be used, by reason.
    static let orderCodeRefusals = "zaplecze_discounts_order_code_refusals_total"
    /// Counts answered checkout attempts by route and result (valid, a reason, throttled).
    static let checkoutAttempts = "zaplecze_discounts_checkout_attempts_total"

    init(environment: ServiceEnvironment, clock: WallClock, throttle: FailureThrottle) {
        database = environment.database
        self.clock = clock
        self.throttle = throttle
        logger = environment.logger
        metrics = environment.metrics
        metrics.describe(
            Self.orderCodeRefusals, help: "Codes of reported orders that could not be redeemed, by reason.")
        metrics.describe(Self.checkoutAttempts, help: "Validations and redemptions answered, by route and result.")
    }

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }

    /// Counts one answered attempt; `result` is from a closed set (`ok` or a refusal reason).
    func count(_ route: String, result: String) {
        metrics.increment(Self.checkoutAttempts, labels: "route=\"\(route)\",result=\"\(result)\"")
    }
}
