import HTTP
import Primitives
import ServiceKit
import Store

/// The reviews service: its definition for `ServiceApp` (port, migrations, routes).
public enum ReviewsService {
    public static let name = SuiteService.reviews.name
    public static let defaultPort = SuiteService.reviews.defaultPort

    /// Five reviews at once per author (customer id, else author name), then one a minute.
    public static let defaultAuthorRule = TokenBucketLimiter.Rule.perMinute(1, burst: 5)

    /// The definition `main.swift` runs and tests start in-process. `clock` dates reviews and
    /// their history; `monotonic` times the per-author limit, which allows `authorRule`.
    public static func definition(
        clock: WallClock = .system, monotonic: MonotonicClock = .system,
        authorRule: TokenBucketLimiter.Rule = defaultAuthorRule
    ) -> ServiceDefinition {
        // One limiter per definition, so its counts outlive no process and no test.
        let authorLimit = TokenBucketLimiter(rule: authorRule, clock: monotonic)
        return ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            clock: clock,
            internalRoutes: { environment in
                routes(
                    ReviewsDependencies(
                        database: environment.database, clock: clock, outbox: environment.outbox,
                        authorLimit: authorLimit))
            }
        )
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = ReviewsMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked before
    /// these run; each route checks the caller's role again).
    static func routes(_ dependencies: ReviewsDependencies) -> RouteCollection {
        RouteCollection()
            .include(ReviewsController(dependencies: dependencies).routes)
            .include(ProductReviewsController(queries: ReviewQueries(database: dependencies.database)).routes)
            .include(OrderEventsController(dependencies: dependencies).routes)
            .include(
                PrivacyEndpoints.routes(
                    service: name, database: dependencies.database, clock: dependencies.clock,
                    subject: { try ReviewsPrivacy.subject($0, in: $1) },
                    erase: { try ReviewsPrivacy.erase($0, in: $1) }))
    }
}
