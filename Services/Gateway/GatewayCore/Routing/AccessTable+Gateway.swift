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
            gateway: .get, "/api/v1/orders/deliveries/failed", roles: staff,
            summary: "Order events a receiving service refused for good, oldest first, with its error."
        ),
        PublicRoute(
            gateway: .post, "/api/v1/orders/deliveries/:eventId/retry", roles: staff,
            summary: "Send a refused order event again once its cause is fixed."
        ),
        PublicRoute(
            gateway: .get, "/api/v1/openapi.json", roles: anyone, summary: "This API described as OpenAPI 3.1."),
        PublicRoute(
            gateway: .get, "/health", handling: .runtime, roles: anyone, summary: "Whether the gateway is alive."),
        PublicRoute(
            gateway: .get, "/ready", handling: .runtime, roles: anyone,
            summary: "Whether the gateway and every service are ready, with each one's state and version."
        ),
        PublicRoute(
            gateway: .get, "/metrics", handling: .runtime, roles: anyone,
            summary: "The gateway's metrics in the Prometheus text format, upstream latency per service included."
        ),
    ]
}
