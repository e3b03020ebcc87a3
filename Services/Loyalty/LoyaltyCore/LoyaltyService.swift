import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit
import Store

/// The loyalty service: its definition for `ServiceApp` (port, migrations, routes, the expiry
/// job).
public enum LoyaltyService {
    public static let name = SuiteService.loyalty.name
    public static let defaultPort = SuiteService.loyalty.defaultPort

    /// The definition `main.swift` runs and tests start in-process. `clock` is what every
    /// timestamp and expiry decision reads; `expiryInterval` is how often the background job
    /// looks for expired points.
    public static func definition(
        clock: WallClock = .system,
        expiryInterval: Duration = .seconds(60)
    ) -> ServiceDefinition {
        ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            clock: clock,
            internalRoutes: { environment in routes(LoyaltyDependencies(environment: environment)) },
            start: { environment in
                let job = ExpiryJob(
                    database: environment.database, clock: clock, interval: expiryInterval, logger: environment.logger
                )
                job.start()
                return { job.stop() }
            }
        )
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = LoyaltyMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked
    /// before these run; each route checks the caller's role again).
    static func routes(_ dependencies: LoyaltyDependencies) -> RouteCollection {
        RouteCollection()
            .include(ProgramController(dependencies: dependencies).routes)
            .include(RulesController(dependencies: dependencies).routes)
            .include(CustomersController(dependencies: dependencies).routes)
            .include(BulkAdjustmentsController(dependencies: dependencies).routes)
            .include(ActivityController(dependencies: dependencies).routes)
            .include(RewardsController(dependencies: dependencies).routes)
            .include(ExchangeOrdersController(dependencies: dependencies).routes)
            .include(OrdersController(dependencies: dependencies).routes)
            .include(PointDebitsController(dependencies: dependencies).routes)
            .include(
                PrivacyEndpoints.routes(
                    service: name, database: dependencies.database, clock: dependencies.clock,
                    subject: { try LoyaltyPrivacy.subject($0, in: $1) },
                    erase: { try LoyaltyPrivacy.erase($0, in: $1) }))
    }

    /// Expires every point due at `now` in `database` (what the background job does each
    /// interval); returns how many lots expired. For operators' tools and tests.
    @discardableResult
    public static func expirePoints(in database: Database, now: Date) throws -> Int {
        try ExpiryJob.runOnce(database: database, now: now)
    }
}
