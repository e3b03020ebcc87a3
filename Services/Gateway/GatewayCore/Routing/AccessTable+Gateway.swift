import Contract
import HTTP

extension AccessTable {
    /// The body limit of an order document (the server's default is 1 MiB).
    static let orderBodyLimit = 256 * 1024

    static let shop: Set<Principal.Role> = [.admin, .storefront]
    static let anyone: Set<Principal.Role> = [.anonymous]

    /// The routes the gateway process answers itself.
    static let gatewayRoutes: [PublicRoute] = [
        PublicRoute(gateway: GatewayRoutes.mintCustomerToken.declaration),
        PublicRoute(gateway: GatewayRoutes.signIn.declaration),
        PublicRoute(gateway: GatewayRoutes.currentSession.declaration),
        PublicRoute(gateway: GatewayRoutes.signOut.declaration),
        PublicRoute(gateway: GatewayRoutes.putOrder.declaration),
        PublicRoute(gateway: GatewayRoutes.orderDeliveries.declaration),
        PublicRoute(gateway: GatewayRoutes.failedDeliveries.declaration),
        PublicRoute(gateway: GatewayRoutes.retryDelivery.declaration),
        PublicRoute(gateway: GatewayRoutes.openAPI.declaration),
        PublicRoute(gateway: GatewayRoutes.health.declaration, handling: .runtime),
        PublicRoute(gateway: GatewayRoutes.ready.declaration, handling: .runtime),
        PublicRoute(gateway: GatewayRoutes.metrics.declaration, handling: .runtime),
    ]
}

/// The routes the gateway answers itself, declared like a service's.
public enum GatewayRoutes {
    public static let mintCustomerToken = RouteSpec<CustomerTokenRequest, CustomerToken>(
        .post, "/api/v1/auth/customer-tokens", roles: AccessTable.shop,
        summary: "Mint a signed, expiring token that lets one customer reach their own data.", bodyLimit: 4 * 1024,
        statuses: [201],
        errors: [
            .invalidIdentifier,
            .unprocessable("invalid_token_request", "ttlSeconds is out of range; `details.field` names it."),
            RouteError(429, "rate_limited", "Too many tokens minted for this customer."),
        ])
    public static let signIn = RouteSpec<AdminSessionRequest, AdminSession>(
        .post, "/api/v1/auth/sessions", roles: AccessTable.anyone,
        summary: "Sign in to the back-office panel: an admin key for a session cookie and a CSRF token.",
        bodyLimit: 4 * 1024, statuses: [201],
        errors: [
            RouteError(401, "unauthorized", "The key is not an admin key."),
            RouteError(429, "rate_limited", "Too many failed sign-ins from this address."),
        ])
    public static let currentSession = RouteSpec<NoBody, AdminSession>(
        .get, "/api/v1/auth/sessions/current", roles: [.admin],
        summary: "The panel session the cookie stands for, with its CSRF token.",
        errors: [
            .notFound(code: "no_session", "The call carries no panel session cookie (an API key is not a session).")
        ])
    public static let signOut = RouteSpec<NoBody, NoBody>(
        .delete, "/api/v1/auth/sessions/current", roles: [.admin],
        summary: "Sign out of the back-office panel: the session ends on the server.", statuses: [204],
        errors: [
            .notFound(code: "no_session", "The call carries no panel session cookie (an API key is not a session).")
        ])
    public static let putOrder = RouteSpec<OrderDocument, OrderAcceptance>(
        .put, "/api/v1/orders/:orderNumber", roles: AccessTable.shop,
        summary: "Report the whole order after each change; the gateway hands each part to the service that owns it.",
        bodyLimit: AccessTable.orderBodyLimit, statuses: [202],
        errors: [.orderCustomerChanged, .orderCurrencyChanged, .invalidOrder])
    public static let orderDeliveries = RouteSpec<NoBody, OrderDeliveries>(
        .get, "/api/v1/orders/:orderNumber/deliveries", roles: AccessTable.shop,
        summary: "Per receiving service, which versions of the order were delivered and which wait.",
        errors: [.notFound(code: "order_not_found", "The order was never reported.")])
    public static let failedDeliveries = RouteSpec<NoBody, Page<DeadLetter>>(
        .get, "/api/v1/orders/deliveries/failed", roles: [.admin],
        summary: "Order events a receiving service refused for good, oldest first, with its error.", paged: true)
    public static let retryDelivery = RouteSpec<NoBody, DeadLetter>(
        .post, "/api/v1/orders/deliveries/:eventId/retry", roles: [.admin],
        summary: "Send a refused order event again once its cause is fixed.", statuses: [202],
        errors: [
            .notFound(
                code: "delivery_not_failed",
                "No refused delivery has that id: it was delivered, or is queued again.")
        ])
    public static let openAPI = RouteSpec<NoBody, OpenAPIDocumentBody>(
        .get, "/api/v1/openapi.json", roles: AccessTable.anyone, summary: "This API described as OpenAPI 3.1.")
    public static let health = RouteSpec<NoBody, HealthReport>(
        .get, "/health", roles: AccessTable.anyone, summary: "Whether the gateway is alive.")
    public static let ready = RouteSpec<NoBody, ReadyReport>(
        .get, "/ready", roles: AccessTable.anyone,
        summary:
            "Whether the gateway and every service are ready; admin keys (and the addresses in "
            + "ZAPLECZE_METRICS_ALLOW) also get each service's state, version and address.",
        statuses: [200, 503])
    /// For admin keys, and for the client addresses in `ZAPLECZE_METRICS_ALLOW` whatever their
    /// credentials: `ServiceApp` enforces both through the gateway's `ObserverPolicy`, built from
    /// these roles.
    public static let metrics = RouteSpec<NoBody, MetricsText>(
        .get, "/metrics", roles: [.admin],
        summary:
            "The gateway's metrics in the Prometheus text format, upstream latency per service included; for admin "
            + "keys and the addresses in ZAPLECZE_METRICS_ALLOW.")
}
