import HTTP
import ServiceKit

/// The suite's public routes with the roles that may call each: the one table the gateway
/// enforces, registers and documents. Adding a service route means adding its line here.
public enum AccessTable {
    static let staff: Set<Principal.Role> = [.admin]
    static let shop: Set<Principal.Role> = [.admin, .storefront]
    static let shopAndCustomer: Set<Principal.Role> = [.admin, .storefront, .customer]
    static let anyone: Set<Principal.Role> = [.anonymous]

    /// Every public route: the gateway's own, then each service's forwarded ones.
    public static let routes: [PublicRoute] = gatewayRoutes + statusRoutes + loyaltyRoutes

    /// The routes forwarded to services.
    public static var forwardedRoutes: [PublicRoute] { routes.filter { $0.handling == .forwarded } }

    /// Each service's own status (name, version, database figures), for operators.
    static let statusRoutes: [PublicRoute] = ServiceConfiguration.serviceNames.flatMap {
        [
            PublicRoute($0, .get, "/status", roles: staff, summary: "The \($0) service's status and figures."),
            PublicRoute(
                $0, .get, "/health", roles: anyone,
                summary: "Whether the \($0) service is alive, asked through the gateway."),
        ]
    }
}
