import HTTP
import Primitives
import Store

/// What makes one service: its name, default port, migrations and routes. Everything else (HTTP
/// server, health, readiness, metrics, logging, internal authentication, outbox, mail, signals)
/// comes from `ServiceApp`.
public struct ServiceDefinition: Sendable {
    public var name: String
    public var version: String
    public var defaultPort: Int
    /// Most open connections from one client address unless `ZAPLECZE_MAX_CONNECTIONS_PER_ADDRESS`
    /// says otherwise; nil: no cap (a service behind the gateway, which is its every client).
    public var maxConnectionsPerAddress: Int?
    public var migrations: [Migration]
    /// The time of day the service reads, and the only one: what its rows, tokens, stored answers,
    /// outbox events, mail and log lines are dated by. Tests pass a manual clock.
    public var clock: WallClock
    /// Whether the process serves the internal `/v1` API at all (the gateway, the public door,
    /// does not: nothing behind it may be reachable by guessing the internal secret).
    public var servesInternalAPI: Bool
    /// Routes under `/v1`, reachable only with the internal secret.
    public var internalRoutes: @Sendable (ServiceEnvironment) throws -> RouteCollection
    /// Routes at the root without internal authentication (the gateway's public door).
    public var publicRoutes: @Sendable (ServiceEnvironment) throws -> RouteCollection
    /// Replaces the standard `/ready` answer (the gateway reports the whole suite); `detailed`
    /// is false for a caller the observer policy does not admit, who gets the status alone.
    public var readiness: (@Sendable (ServiceEnvironment, _ detailed: Bool) -> HTTPResponse)?
    /// Who may read `/metrics` and `/ready`'s details; everyone unless the service says otherwise.
    public var observers: @Sendable (ServiceEnvironment) throws -> ObserverPolicy
    /// Extra middleware around every route, outermost first, inside logging and metrics.
    public var middleware: @Sendable (ServiceEnvironment) throws -> [any Middleware]
    /// Runs once the server listens (background jobs); the returned closure stops them.
    public var start: @Sendable (ServiceEnvironment) throws -> (@Sendable () -> Void)

    public init(
        name: String,
        version: String = "1.0.0",
        defaultPort: Int,
        maxConnectionsPerAddress: Int? = nil,
        migrations: [Migration] = [],
        clock: WallClock = .system,
        servesInternalAPI: Bool = true,
        internalRoutes: @escaping @Sendable (ServiceEnvironment) throws -> RouteCollection = { _ in RouteCollection() },
        publicRoutes: @escaping @Sendable (ServiceEnvironment) throws -> RouteCollection = { _ in RouteCollection() },
        readiness: (@Sendable (ServiceEnvironment, _ detailed: Bool) -> HTTPResponse)? = nil,
        observers: @escaping @Sendable (ServiceEnvironment) throws -> ObserverPolicy = { _ in .everyone },
        middleware: @escaping @Sendable (ServiceEnvironment) throws -> [any Middleware] = { _ in [] },
        start: @escaping @Sendable (ServiceEnvironment) throws -> (@Sendable () -> Void) = { _ in {} }
    ) {
        self.name = name
        self.version = version
        self.defaultPort = defaultPort
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.migrations = migrations
        self.clock = clock
        self.servesInternalAPI = servesInternalAPI
        self.internalRoutes = internalRoutes
        self.publicRoutes = publicRoutes
        self.readiness = readiness
        self.observers = observers
        self.middleware = middleware
        self.start = start
    }
}
