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
/// Middleware, outermost first: security headers → CORS → authentication (with the
/// failed-attempt limit) → rate limits → the access table.
public enum GatewayService {
    public static let name = "gateway"
    public static let defaultPort = 8080

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition(options: GatewayOptions = GatewayOptions()) -> ServiceDefinition {
        ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            servesInternalAPI: false,
            publicRoutes: { environment in try publicRoutes(environment, options: options) },
            readiness: { environment in SuiteReadiness(environment: environment).response() },
            middleware: { environment in try middleware(environment, options: options) }
        )
    }

    static let migrations: [Migration] = OrderFanOut.migrations

    static func middleware(_ environment: ServiceEnvironment, options: GatewayOptions) throws -> [any Middleware] {
        let settings = try GatewaySettings.from(environment: environment.configuration.environment)
        let limits = settings.limits
        let failures = limits.failedAuthentication.map {
            TokenBucketLimiter(rule: $0, maxKeys: limits.maxKeys, clock: options.monotonic)
        }
        // Only the gateway's own /health is never throttled: the services' /health through the
        // gateway costs an upstream call and a worker, so it is limited like any anonymous call.
        let liveness = Set(AccessTable.routes.filter { $0.path == "/health" && $0.handling == .runtime }.map(\.pattern))
        return [
            SecurityHeadersMiddleware(),
            CORSMiddleware(policy: settings.corsOrigins),
            AuthenticationMiddleware(
                authenticator: Authenticator(keys: settings.keys, now: options.now), failures: failures),
            RateLimitMiddleware(limits: limits, unthrottledRoutes: liveness, clock: options.monotonic),
            AccessControlMiddleware(routes: AccessTable.routes),
        ]
    }

    static func publicRoutes(_ environment: ServiceEnvironment, options: GatewayOptions) throws -> RouteCollection {
        let settings = try GatewaySettings.from(environment: environment.configuration.environment)
        let forwarder = Forwarder(
            environment: environment, readTimeout: settings.upstreamTimeout
        )
        let handlers = try ownHandlers(environment, settings: settings, options: options)
        var routes = RouteCollection()
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
        _ environment: ServiceEnvironment, settings: GatewaySettings, options: GatewayOptions
    ) throws -> [String: RouteHandler] {
        let tokens = CustomerTokenRoutes(
            signer: settings.keys.signer,
            minting: settings.limits.tokenMinting.map {
                TokenBucketLimiter(rule: $0, maxKeys: settings.limits.maxKeys, clock: options.monotonic)
            },
            now: options.now
        )
        let orders = OrderRoutes(
            fanOut: OrderFanOut(
                database: environment.database, outbox: environment.outbox, receivers: options.orderReceivers
            ))
        let deadLetters = DeadLetterRoutes(outbox: environment.outbox)
        // Built once: the table does not change while the process runs.
        let openAPI = try HTTPResponse.json(OpenAPIDocument.build(version: environment.version))
        return [
            "POST /api/v1/auth/customer-tokens": tokens.mint,
            "PUT /api/v1/orders/:orderNumber": orders.put,
            "GET /api/v1/orders/:orderNumber/deliveries": orders.deliveries,
            "GET /api/v1/orders/deliveries/failed": deadLetters.failed,
            "POST /api/v1/orders/deliveries/:eventId/retry": deadLetters.retry,
            "GET /api/v1/openapi.json": { _, _ in openAPI },
        ]
    }
}
