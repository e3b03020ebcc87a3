import HTTP
import Primitives
import ServiceKit
import Store

/// The discounts service: its definition for `ServiceApp` (port, migrations, routes, the
/// campaign job).
public enum DiscountsService {
    public static let name = SuiteService.discounts.name
    public static let defaultPort = SuiteService.discounts.defaultPort

    /// Ten failed validations or redemptions at once, then one more every six seconds, per
    /// customer and per client (see `FailureThrottle`).
    public static let defaultFailureRule = TokenBucketLimiter.Rule.perMinute(10, burst: 10)

    /// The definition `main.swift` runs and tests start in-process. `clock` is what every
    /// timestamp and validity decision reads; `generation` sizes the background job's chunks;
    /// `purchaseRecoveryInterval` is how often purchases left pending are settled (also once at
    /// start); `monotonic` times the checkout's failure throttle, which allows `failureRule`.
    public static func definition(
        clock: WallClock = .system, generation: GenerationSettings = GenerationSettings(),
        purchaseRecoveryInterval: Duration = .seconds(30), monotonic: MonotonicClock = .system,
        failureRule: TokenBucketLimiter.Rule = defaultFailureRule
    ) -> ServiceDefinition {
        // One job per definition: the routes wake it, the start closure runs it.
        let job = CampaignJob(settings: generation)
        let purchasers = PurchaserSlot(clock: clock)
        // One throttle per definition, so its counts outlive no process and no test.
        let throttle = FailureThrottle(rule: failureRule, clock: monotonic)
        return ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            clock: clock,
            internalRoutes: { environment in
                routes(
                    DiscountsDependencies(
                        database: environment.database, clock: clock, job: job, settings: generation),
                    checkout: CheckoutDependencies(environment: environment, clock: clock, throttle: throttle)
                )
                .include(ownershipRoutes(environment, clock: clock, purchaser: purchasers.purchaser(environment)))
            },
            start: { environment in
                job.start(database: environment.database, logger: environment.logger)
                let stopOwnershipJobs = startOwnershipJobs(
                    environment, purchaser: purchasers.purchaser(environment), interval: purchaseRecoveryInterval)
                return {
                    stopOwnershipJobs()
                    job.stop()
                }
            }
        )
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = DiscountsMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked
    /// before these run; each route checks the caller's role again).
    static func routes(_ dependencies: DiscountsDependencies, checkout: CheckoutDependencies) -> RouteCollection {
        RouteCollection()
            .include(CampaignsController(dependencies: dependencies).routes)
            .include(CampaignCodesController(dependencies: dependencies).routes)
            .include(CheckoutController(dependencies: checkout).routes)
            .include(CustomerCodesController(codes: CustomerCodes(dependencies: checkout)).routes)
            .include(OrderEventsController(dependencies: checkout).routes)
            .include(
                PrivacyEndpoints.routes(
                    service: name, database: dependencies.database, clock: dependencies.clock,
                    subject: { try DiscountsPrivacy.subject($0, in: $1) },
                    erase: { try DiscountsPrivacy.erase($0, in: $1) }))
    }
}
