/// Everything about one route, declared once where every process can read it: the service
/// registers its handler under it (and checks its roles), the gateway builds its access table
/// from it, typed clients build its path from it, and the OpenAPI operation is generated from it.
/// `RouteSpec` is the typed face of it; this is the form lists of routes are kept in.
public struct RouteDeclaration: Sendable {
    /// Who can reach a route.
    public enum Exposure: Sendable, Equatable {
        /// Through the gateway at `/api/v1/<service><path>`, and documented.
        case published
        /// Only from other services of the suite, with the internal secret.
        case internalOnly
    }

    public let method: HTTPMethod
    /// The path below the service's `/v1` prefix, with `:name` parameters (`/customers/:customerId`).
    public let path: String
    /// Roles admitted; `.service` admits other services, `.anonymous` anyone.
    public let roles: Set<Principal.Role>
    /// For a customer token: the path parameter that must be the token's customer.
    public let customerParameter: String?
    public let exposure: Exposure
    public let summary: String
    /// The largest request body, when not the server's default.
    public let bodyLimit: Int?
    public let request: BodyDescription
    /// The request body may be left out.
    public let optionalBody: Bool
    public let response: BodyDescription
    /// The success statuses, the usual one first (`[200, 201]` for create-or-replace).
    public let statuses: [Int]
    /// The errors specific to this route (the shared ones are added by the document).
    public let errors: [RouteError]
    public let query: [QueryParameter]
    /// Takes `limit` and `cursor` and answers a page.
    public let paged: Bool
    /// Honours `Idempotency-Key`.
    public let idempotent: Bool
    /// `path`'s segments, split once: a literal, or the name of a `:name` parameter.
    private let segments: [(text: String, isParameter: Bool)]

    /// Declares a route; see `RouteSpec` for the typed form.
    public init(
        _ method: HTTPMethod, _ path: String, roles: Set<Principal.Role>, customerParameter: String? = nil,
        exposure: Exposure = .published, summary: String, bodyLimit: Int? = nil, request: BodyDescription = .none,
        optionalBody: Bool = false, response: BodyDescription = .none, statuses: [Int] = [200],
        errors: [RouteError] = [],
        query: [QueryParameter] = [], paged: Bool = false, idempotent: Bool = false
    ) {
        self.method = method
        self.path = path
        self.roles = roles
        self.customerParameter = customerParameter
        self.exposure = exposure
        self.summary = summary
        self.bodyLimit = bodyLimit
        self.request = request
        self.optionalBody = optionalBody
        self.response = response
        self.statuses = statuses
        self.errors = idempotent ? errors + RouteError.idempotency : errors
        self.query = query
        self.paged = paged
        self.idempotent = idempotent
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.hasPrefix(":") ? (String(segment.dropFirst()), true) : (String(segment), false)
        }
        self.pathParameters = segments.filter(\.isParameter).map(\.text)
    }

    /// `GET /customers/:customerId`.
    public var id: String { "\(method) \(path)" }

    /// The names of the `:name` parameters, in order: worked out once, since every forwarded
    /// request rebuilds its path from them.
    public let pathParameters: [String]

    /// The path with each parameter replaced, in order, by the percent-encoded value.
    public func path(_ values: [String]) -> String {
        var result = ""
        var remaining = values[...]
        for segment in segments {
            result += "/"
            if segment.isParameter {
                result += PercentDecoding.encode(remaining.popFirst() ?? "")
            } else {
                result += segment.text
            }
        }
        return result.isEmpty ? "/" : result
    }

    /// The service-internal path (`/v1/...`) with `values` filled in, in order.
    public func servicePath(_ values: [String]) -> String {
        let below = path(values)
        return below == "/" ? "/v1" : "/v1" + below
    }

    /// Whether `principal` may call this route, `parameter` giving a path parameter's value by
    /// name: a customer reaches a route with a customer parameter only for their own id. The
    /// server's check (`authorize`) and the gateway's access table (`admits(_:parameters:)`)
    /// read the request's parameters through it, in ServiceKit.
    public func admits(_ principal: Principal, parameter: (String) -> String?) -> Bool {
        if roles.contains(.anonymous) { return true }
        guard roles.contains(principal.role) else { return false }
        if principal.role == .customer, let name = customerParameter {
            // Byte-wise, as `CustomerId` compares: lookalike text is another customer.
            return parameter(name).flatMap { CustomerId($0) } == principal.customerId
        }
        return true
    }
}
