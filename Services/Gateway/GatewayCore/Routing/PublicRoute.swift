import HTTP

/// One public route of the suite: who answers it, its public path, who may call it, and what the
/// OpenAPI document says of it. The gateway registers exactly these routes; anything else is a
/// 404 at the door.
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
    public let method: HTTPMethod
    /// For a forwarded route the path below the service's prefix (`/customers/:customerId`); for
    /// the gateway's own routes the whole public path.
    public let path: String
    /// The path as registered: `/api/v1/<service><path>` for forwarded routes.
    public let publicPath: String
    public let handling: Handling
    /// Roles allowed to call it; `.anonymous` means anyone.
    public let roles: Set<Principal.Role>
    /// For a customer token: the path parameter that must equal the token's customer.
    public let customerParameter: String?
    public let summary: String
    public let bodyLimit: Int?
    /// `path`'s segments, split once: a literal, or the name of a `:name` parameter.
    private let pathSegments: [(text: String, isParameter: Bool)]

    /// A route forwarded to `service`.
    public init(
        _ service: String, _ method: HTTPMethod, _ path: String, roles: Set<Principal.Role>,
        customerParameter: String? = nil, summary: String, bodyLimit: Int? = nil
    ) {
        self.service = service
        self.method = method
        self.path = path
        self.publicPath = "/api/v1/\(service)\(path == "/" ? "" : path)"
        self.handling = .forwarded
        self.roles = roles
        self.customerParameter = customerParameter
        self.summary = summary
        self.bodyLimit = bodyLimit
        self.pathSegments = Self.segments(of: path)
    }

    /// A route the gateway process answers itself, at `publicPath`.
    public init(
        gateway method: HTTPMethod, _ publicPath: String, handling: Handling = .gateway, roles: Set<Principal.Role>,
        customerParameter: String? = nil, summary: String, bodyLimit: Int? = nil
    ) {
        self.service = "gateway"
        self.method = method
        self.path = publicPath
        self.publicPath = publicPath
        self.handling = handling
        self.roles = roles
        self.customerParameter = customerParameter
        self.summary = summary
        self.bodyLimit = bodyLimit
        self.pathSegments = Self.segments(of: publicPath)
    }

    /// `GET /api/v1/loyalty/customers/:customerId`: the key of the route in the table, and of its
    /// schemas in the OpenAPI description.
    public var id: String { "\(method) \(publicPath)" }

    /// The public path as the router records it (`RequestContext.route`): no empty segments.
    public var pattern: String {
        "/" + publicPath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// The path below the service's prefix with each `:name` replaced by its (re-encoded) value.
    public func servicePath(with parameters: PathParameters) -> String {
        var result = ""
        for segment in pathSegments {
            result += "/"
            result += segment.isParameter ? PercentDecoding.encode(parameters[segment.text] ?? "") : segment.text
        }
        return result.isEmpty ? "/" : result
    }

    private static func segments(of path: String) -> [(text: String, isParameter: Bool)] {
        path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.hasPrefix(":") ? (String(segment.dropFirst()), true) : (String(segment), false)
        }
    }

    /// The names of the `:name` parameters of the public path, in order.
    public var pathParameters: [String] {
        // The service path and the public path differ only by a literal prefix.
        pathSegments.filter(\.isParameter).map(\.text)
    }

    /// Whether `principal` may call this route for the given path parameters.
    public func admits(_ principal: Principal, parameters: PathParameters) -> Bool {
        if roles.contains(.anonymous) { return true }
        guard roles.contains(principal.role) else { return false }
        if principal.role == .customer, let name = customerParameter {
            // Byte-wise, as `CustomerId` compares: lookalike text is another customer.
            return parameters[name].flatMap { CustomerId($0) } == principal.customerId
        }
        return true
    }
}
