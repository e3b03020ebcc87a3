import Contract
import HTTP
import ServiceKit

/// The suite's public routes with the roles that may call each: the one table the gateway
/// enforces, registers and documents. It is built from the services' route declarations
/// (`LoyaltyRoutes` and the like in Contract): a service's `.published` routes appear here
/// without being written again.
public enum AccessTable {
    /// Every public route: the gateway's own, then each service's forwarded ones.
    public static let routes: [PublicRoute] =
        gatewayRoutes + statusRoutes + loyaltyRoutes + discountsRoutes + helpdeskRoutes + reviewsRoutes
        + personalDataRoutes

    /// The routes forwarded to services.
    public static var forwardedRoutes: [PublicRoute] { routes.filter { $0.handling == .forwarded } }

    /// The loyalty service's published routes. The service checks every role again, and also
    /// that a customer reads only their own exchange order by id.
    static let loyaltyRoutes: [PublicRoute] = published(LoyaltyRoutes.all, service: "loyalty")

    /// The discounts service's published routes. The service checks every role again, and also
    /// that a customer validates and buys only for itself (the customer is named in the body).
    static let discountsRoutes: [PublicRoute] = published(DiscountsRoutes.all, service: "discounts")

    /// The helpdesk service's published routes. The service checks that a customer reads and
    /// writes only their own threads, and that only the admin sees notes.
    static let helpdeskRoutes: [PublicRoute] = published(HelpdeskRoutes.all, service: "helpdesk")

    /// The personal-data registry's published routes: all the admin's but a customer's own
    /// consents and the storefront's customer records.
    static let personalDataRoutes: [PublicRoute] = published(PersonalDataRoutes.all, service: "personal-data")

    /// The reviews service's published routes: a product's published reviews and summary are
    /// open to anyone; the service checks that a customer posts only as itself.
    static let reviewsRoutes: [PublicRoute] = published(ReviewsRoutes.all, service: "reviews")

    /// Each service's own status (name, version, database figures), for operators.
    static let statusRoutes: [PublicRoute] = ServiceConfiguration.serviceNames.flatMap { service in
        published(
            [
                RouteSpec<NoBody, ServiceStatus>(
                    .get, "/status", roles: [.admin], summary: "The \(service) service's status and figures."
                ).declaration,
                RouteSpec<NoBody, HealthReport>(
                    .get, "/health", roles: [.anonymous],
                    summary: "Whether the \(service) service is alive, asked through the gateway."
                ).declaration,
            ], service: service)
    }

    /// The `.published` routes of `declarations`, forwarded to `service`.
    static func published(_ declarations: [RouteDeclaration], service: String) -> [PublicRoute] {
        declarations.filter { $0.exposure == .published }.map { PublicRoute(service, $0) }
    }
}
