import HTTP
import Primitives
import ServiceKit
import Store

/// The helpdesk service: its definition for `ServiceApp` (port, migrations, routes).
public enum HelpdeskService {
    public static let name = SuiteService.helpdesk.name
    public static let defaultPort = SuiteService.helpdesk.defaultPort

    /// The shop's page of a thread, below `ZAPLECZE_SHOP_URL`, unless
    /// `ZAPLECZE_HELPDESK_THREAD_PATH` names another (`{orderNumber}` and `{threadId}` filled in).
    public static let defaultThreadPath = "/orders/{orderNumber}/messages#thread-{threadId}"

    /// Ten threads or messages at once per writer (a customer id, else an address), then one a
    /// minute.
    public static let defaultWriterRule = TokenBucketLimiter.Rule.perMinute(1, burst: 10)

    /// The definition `main.swift` runs and tests start in-process. `clock` dates threads,
    /// messages and the figures computed from them; `monotonic` times the per-writer limit,
    /// which allows `writerRule`.
    public static func definition(
        clock: WallClock = .system, monotonic: MonotonicClock = .system,
        writerRule: TokenBucketLimiter.Rule = defaultWriterRule
    ) -> ServiceDefinition {
        // One limiter per definition, so its counts outlive no process and no test.
        let writerLimit = TokenBucketLimiter(rule: writerRule, clock: monotonic)
        return ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            clock: clock,
            internalRoutes: { environment in
                routes(
                    HelpdeskDependencies(
                        database: environment.database, clock: clock, mailer: environment.mailer,
                        outbox: environment.outbox,
                        threadPath: environment.configuration.environment["ZAPLECZE_HELPDESK_THREAD_PATH"]
                            ?? defaultThreadPath, writerLimit: writerLimit))
            }
        )
    }

    /// The service's own tables, in order.
    static let migrations: [Migration] = HelpdeskMigrations.all

    /// Every route under `/v1` (the internal secret and the caller's identity are checked before
    /// these run; each route checks the caller's role again).
    static func routes(_ dependencies: HelpdeskDependencies) -> RouteCollection {
        RouteCollection()
            .include(ThreadsController(dependencies: dependencies).routes)
            .include(StandardRepliesController(dependencies: dependencies).routes)
            .include(
                PrivacyEndpoints.routes(
                    service: name, database: dependencies.database, clock: dependencies.clock,
                    subject: { try HelpdeskPrivacy.subject($0, in: $1) },
                    erase: { try HelpdeskPrivacy.erase($0, in: $1) }))
    }
}
