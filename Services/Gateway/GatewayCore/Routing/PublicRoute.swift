import Contract
import HTTP
import ServiceKit

/// One public route of the suite: who answers it, its public path, and its declaration (roles,
/// bodies, errors, summary). The gateway registers exactly these routes; anything else is a 404
/// at the door.
public struct PublicRoute: Sendable {
    /// Who answers a route.
    public enum Handling: String, Sendable, Equatable {
        /// Forwarded to the owning service as `/v1<path>`.
        case forwarded
        /// Answered by the gateway's own code (tokens, orders, the OpenAPI document).
        case gateway
        /// Answered by the process runtime every service has (`/health`, `/ready`, `/metrics`).
        case runtime
    }

    /// The owning service, or `gateway` for the gateway's own routes.
    public let service: String
    /// The one declaration of the route, shared with the service that answers it.
    public let declaration: RouteDeclaration
    /// The path as registered: `/api/v1/<service><path>` for forwarded routes.
    public let publicPath: String
    public let handling: Handling
    /// Roles the gateway admits: the declaration's, less `.service` (no outside caller is one).
    public let roles: Set<Principal.Role>

    /// A route forwarded to `service`, published under `/api/v1/<service>`.
    public init(_ service: String, _ declaration: RouteDeclaration) {
        self.service = service
        self.declaration = declaration
        self.publicPath = "/api/v1/\(service)\(declaration.path == "/" ? "" : declaration.path)"
        self.handling = .forwarded
        self.roles = declaration.roles.subtracting([.service])
    }

    /// A route the gateway process answers itself; the declaration's path is the public path.
    public init(gateway declaration: RouteDeclaration, handling: Handling = .gateway) {
        self.service = "gateway"
        self.declaration = declaration
        self.publicPath = declaration.path
        self.handling = handling
        self.roles = declaration.roles.subtracting([.service])
    }

    public var method: HTTPMethod { declaration.method }
    /// For a forwarded route the path below the service's prefix; for the gateway's own the
    /// whole public path.
    public var path: String { declaration.path }
    public var customerParameter: String? { declaration.customerParameter }
    public var summary: String { declaration.summary }
    public var bodyLimit: Int? { declaration.bodyLimit }
    /// The names of the `:name` parameters, in order.
    public var pathParameters: [String] { declaration.pathParameters }

    /// `GET /api/v1/loyalty/customers/:customerId`: the key of the route in the table.
    public var id: String { "\(method) \(publicPath)" }

    /// The public path as the router records it (`RequestContext.route`): no empty segments.
    public var pattern: String {
        "/" + publicPath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// The path below the service's prefix with each `:name` replaced by its (re-encoded) value.
    public func servicePath(with parameters: PathParameters) -> String {
        declaration.path(with: parameters)
    }

    /// Whether `principal` may call this route for the given path parameters.
    public func admits(_ principal: Principal, parameters: PathParameters) -> Bool {
        principal.role != .service && declaration.admits(principal, parameters: parameters)
    }
}
