import HTTP

extension AccessTable {
    /// The body limit of an order document (the server's default is 1 MiB).
    static let orderBodyLimit = 256 * 1024

    /// The routes the gateway process answers itself.
    static let gatewayRoutes: [PublicRoute] = [
        PublicRoute(
            gateway: .post, "/api/v1/auth/customer-tokens", roles: shop,
            summary: "Mint a signed, expiring token that lets one customer reach their own data.", bodyLimit: 4 * 1024
        ),
        PublicRoute(
            gateway: .post, "/api/v1/auth/sessions", roles: anyone,
            summary: "Sign in to the back-office panel: an admin key for a session cookie and a CSRF token.",
            bodyLimit: 4 * 1024
        ),
        PublicRoute(
            gateway: .get, "/api/v1/auth/sessions/current", roles: staff,
            summary: "The panel session the cookie stands for, with its CSRF token."
        ),
        PublicRoute(
            gateway: .delete, "/api/v1/auth/sessions/current", roles: staff,
            summary: "Sign out of the back-office panel: the session ends on the server."
        ),
        PublicRoute(
            gateway: .put, "/api/v1/orders/:orderNumber", roles: shop,
            summary:
                "Report the whole order after each change; the gateway hands each part to the service that owns it.",
            bodyLimit: orderBodyLimit
        ),
        PublicRoute(
            gateway: .get, "/api/v1/orders/:orderNumber/deliveries", roles: shop,
            summary: "Per receiving service, which versions of the order were delivered and which wait."
        ),
        PublicRoute(
            gateway: .get, "/api/v1/openapi.json", roles: anyone, summary: "This API described as OpenAPI 3.1."),
        PublicRoute(
            gateway: .get, "/health", handling: .runtime, roles: anyone, summary: "Whether the gateway is alive."),
        PublicRoute(
            gateway: .get, "/ready", handling: .runtime, roles: anyone,
            summary:
                "Whether the gateway and every service are ready; admin keys (and the addresses in "
                + "ZAPLECZE_METRICS_ALLOW) also get each service's state, version and address."
        ),
        metricsRoute,
    ]

    /// `/metrics`: for admin keys, and for the client addresses in `ZAPLECZE_METRICS_ALLOW`
    /// whatever their credentials (`ServiceApp` enforces both through the gateway's
    /// `ObserverPolicy`, built from this row's roles).
    static let metricsRoute = PublicRoute(
        gateway: .get, "/metrics", handling: .runtime, roles: staff,
        summary:
            "The gateway's metrics in the Prometheus text format, upstream latency per service included; for admin "
            + "keys and the addresses in ZAPLECZE_METRICS_ALLOW."
    )
}
