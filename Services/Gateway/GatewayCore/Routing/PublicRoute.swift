import HTTP

/// One public route of the suite: which service owns it, its path under `/api/v1/<service>`, who
/// may call it, and what the OpenAPI document says of it. The gateway registers exactly these
/// routes; anything else is a 404 at the door.
public struct PublicRoute: Sendable {
    public let service: String
    public let method: HTTPMethod
    /// The path below the service's prefix, with `:name` parameters (e.g. `/customers/:customerId`).
    public let path: String
    /// Roles allowed to call it; `.anonymous` means anyone.
    public let roles: Set<Principal.Role>
    /// For a customer token: the path parameter that must equal the token's customer.
    public let customerParameter: String?
    public let summary: String
    public let bodyLimit: Int?

    public init(
        _ service: String, _ method: HTTPMethod, _ path: String, roles: Set<Principal.Role>,
        customerParameter: String? = nil, summary: String, bodyLimit: Int? = nil
    ) {
        self.service = service
        self.method = method
        self.path = path
        self.roles = roles
        self.customerParameter = customerParameter
        self.summary = summary
        self.bodyLimit = bodyLimit
    }

    /// The public path: `/api/v1/<service><path>`.
    public var publicPath: String { "/api/v1/\(service)\(path == "/" ? "" : path)" }

    /// Whether `principal` may call this route for the given path parameters.
    public func admits(_ principal: Principal, parameters: PathParameters) -> Bool {
        if roles.contains(.anonymous) { return true }
        guard roles.contains(principal.role) else { return false }
        if principal.role == .customer, let name = customerParameter {
            return parameters[name] == principal.customerId
        }
        return true
    }
}
