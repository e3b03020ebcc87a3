import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit
import Store

/// The gateway: the suite's one public door. Authenticates callers, throttles them, enforces the
/// access table, forwards `/api/v1/<service>/…` to the owning service, answers its own routes
/// (customer tokens, orders, the OpenAPI document), and reports the suite's readiness.
///
/// Middleware, outermost first: the client behind trusted proxies → security headers → CORS →
/// authentication (with the failed-attempt limit) → rate limits → the access table. All but the
/// security headers decide from the head, before a body is read (`HeadMiddleware`).
public enum GatewayService {
    public static let name = SuiteService.gateway.name
    public static let defaultPort = SuiteService.gateway.defaultPort

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition(options: GatewayOptions = GatewayOptions()) -> ServiceDefinition {
        // The panel's sessions: written by the sign-in routes, read by authentication.
        let sessions = AdminSessions(clock: options.wall)
        return ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            maxConnectionsPerAddress: defaultMaxConnectionsPerAddress,
            migrations: migrations,
            clock: options.wall,
            servesInternalAPI: false,
            publicRoutes: { environment in try publicRoutes(environment, options: options, sessions: sessions) },
            readiness: { environment, detailed in SuiteReadiness(environment: environment).response(detailed: detailed)
            },
            observers: { environment in
                try ObserverPolicy.restricted(
                    to: GatewayRoutes.metrics.declaration.roles, environment: environment.configuration.environment)
            },
            middleware: { environment in try middleware(environment, options: options, sessions: sessions) },
            start: { environment in
                SuiteReadiness.registerSupervisionMetrics(environment)
                return {}
            }
        )
    }

    static let migrations: [Migration] = OrderMigrations.all

    /// The public door caps each client address: a browser opens about 6 connections, a busy
    /// storefront server a few dozen; 256 leaves them room and keeps one address from holding
    /// more than a sixteenth of the server's 4096.
    public static let defaultMaxConnectionsPerAddress = 256

    static func middleware(
        _ environment: ServiceEnvironment, options: GatewayOptions, sessions: AdminSessions
    ) throws -> [any Middleware] {
        let settings = try GatewaySettings.from(environment: environment.configuration.environment)
        let limits = settings.limits
        let failures = limits.failedAuthentication.map {
            TokenBucketLimiter(rule: $0, maxKeys: limits.maxKeys, clock: options.monotonic)
        }
        // Only the gateway's own /health is never throttled: the services' /health through the
        // gateway costs an upstream call and a worker, so it is limited like any anonymous call.
        let liveness = Set(AccessTable.routes.filter { $0.path == "/health" && $0.handling == .runtime }.map(\.pattern))
        return [
            ForwardedClientMiddleware(trustedProxies: environment.configuration.trustedProxies),
            SecurityHeadersMiddleware(),
            CORSMiddleware(policy: settings.corsOrigins),
            AuthenticationMiddleware(
                authenticator: Authenticator(keys: settings.keys, clock: options.wall, sessions: sessions),
                failures: failures),
            RateLimitMiddleware(limits: limits, unthrottledRoutes: liveness, clock: options.monotonic),
            AccessControlMiddleware(routes: AccessTable.routes),
        ]
    }

    static func publicRoutes(
        _ environment: ServiceEnvironment, options: GatewayOptions, sessions: AdminSessions
    ) throws -> RouteCollection {
        let settings = try GatewaySettings.from(environment: environment.configuration.environment)
        let forwarder = Forwarder(
            environment: environment, readTimeout: settings.upstreamTimeout
        )
        let handlers = try ownHandlers(environment, settings: settings, options: options, sessions: sessions)
        let panel = try PanelAssets.load(environment: environment.configuration.environment)
        if panel.directory == nil {
            environment.logger.warn(
                "the admin panel's files were not found; /admin answers 404 (set ZAPLECZE_PANEL_DIR)")
        }
        var routes = PanelRoutes(assets: panel).routes
        var unused = Set(handlers.keys)
        for route in AccessTable.routes {
            switch route.handling {
            case .forwarded:
                // Forwarding runs on the event loop: the call to the service is pending there,
                // holding no worker thread while the service works.
                routes = routes.on(route.method, route.publicPath, bodyLimit: route.bodyLimit, execution: .eventLoop) {
                    request, context in
                    // The service is asked for exactly the route that was checked: its pattern
                    // with the decoded parameters put back, never the raw target (which may be in
                    // absolute form or carry extra slashes).
                    let target =
                        "/v1" + route.servicePath(with: context.parameters)
                        + (request.head.rawQuery.map { "?" + $0 } ?? "")
                    return try forwarder.forward(request, to: route.service, path: target, context: context)
                }
            case .gateway:
                guard let handler = handlers[route.id] else {
                    throw ConfigurationError("the access table lists \(route.id) but the gateway has no handler for it")
                }
                unused.remove(route.id)
                routes = routes.on(route.method, route.publicPath, bodyLimit: route.bodyLimit, use: handler)
            case .runtime:
                break  // ServiceApp serves /health, /ready and /metrics.
            }
        }
        guard unused.isEmpty else {
            throw ConfigurationError(
                "gateway handlers without an access-table line: \(unused.sorted().joined(separator: ", "))")
        }
        return routes
    }

    /// The gateway's own handlers by route id (`PublicRoute.id`).
    static func ownHandlers(
        _ environment: ServiceEnvironment, settings: GatewaySettings, options: GatewayOptions, sessions: AdminSessions
    ) throws -> [String: RouteHandler] {
        let signIn = SessionRoutes(
            authenticator: Authenticator(keys: settings.keys, clock: options.wall, sessions: sessions),
            sessions: sessions, settings: settings.sessions,
            failures: settings.limits.failedAuthentication.map {
                TokenBucketLimiter(rule: $0, maxKeys: settings.limits.maxKeys, clock: options.monotonic)
            },
            clock: options.wall
        )
        let tokens = CustomerTokenRoutes(
            signer: settings.keys.signer,
            minting: settings.limits.tokenMinting.map {
                TokenBucketLimiter(rule: $0, maxKeys: settings.limits.maxKeys, clock: options.monotonic)
            },
            clock: options.wall
        )
        let orders = OrderRoutes(
            fanOut: OrderFanOut(
                database: environment.database, outbox: environment.outbox, receivers: options.orderReceivers,
                clock: options.wall
            ))
        let deadLetters = DeadLetterRoutes(outbox: environment.outbox)
        // Built once: the table does not change while the process runs.
        let openAPI = try HTTPResponse.json(OpenAPIDocument.build(version: environment.version))
        return [
            GatewayRoutes.mintCustomerToken.declaration.id: tokens.mint,
            GatewayRoutes.signIn.declaration.id: signIn.create,
            GatewayRoutes.currentSession.declaration.id: signIn.current,
            GatewayRoutes.signOut.declaration.id: signIn.delete,
            GatewayRoutes.putOrder.declaration.id: orders.put,
            GatewayRoutes.orderDeliveries.declaration.id: orders.deliveries,
            GatewayRoutes.failedDeliveries.declaration.id: deadLetters.failed,
            GatewayRoutes.retryDelivery.declaration.id: deadLetters.retry,
            GatewayRoutes.openAPI.declaration.id: { _, _ in openAPI },
        ]
    }
}
