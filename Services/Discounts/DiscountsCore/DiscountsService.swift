import HTTP
import Primitives
import ServiceKit
import Store

/// The discounts service: its definition for `ServiceApp` (port, migrations, routes).
public enum DiscountsService {
    public static let name = SuiteService.discounts.name
    public static let defaultPort = SuiteService.discounts.defaultPort

    /// Ten failed validations or redemptions at once, then one more every six seconds, per
    /// customer and per client (see `FailureThrottle`).
    public static let defaultFailureRule = TokenBucketLimiter.Rule.perMinute(10, burst: 10)

    /// The definition `main.swift` runs and tests start in-process. `clock` dates redemptions and
    /// decides validity; `monotonic` times the failure throttle, which allows `failureRule`.
    public static func definition(
        clock: WallClock = .system, monotonic: MonotonicClock = .system,
        failureRule: TokenBucketLimiter.Rule = defaultFailureRule
    ) -> ServiceDefinition {
        // One throttle per definition, so the counts outlive no process and no test.
        let throttle = FailureThrottle(rule: failureRule, clock: monotonic)
        return ServiceDefinition(
            name: name, defaultPort: defaultPort, migrations: migrations,
            internalRoutes: { environment in
                routes(CheckoutDependencies(environment: environment, clock: clock, throttle: throttle))
            })
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = DiscountsMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked before
    /// these run; each route checks the caller's role again).
    static func routes(_ checkout: CheckoutDependencies) -> RouteCollection {
        RouteCollection()
            .include(CheckoutController(dependencies: checkout).routes)
            .include(CustomerCodesController(dependencies: checkout).routes)
            .include(OrderEventsController(dependencies: checkout).routes)
    }
}
