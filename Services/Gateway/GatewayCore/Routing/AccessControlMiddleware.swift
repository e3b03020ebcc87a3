import HTTP
import ServiceKit

/// Enforces the access table on every route it lists, whoever answers it: a caller whose role
/// the route does not admit gets 401 when anonymous (credentials would help) and 403 otherwise.
/// Requests that matched no route pass on to the router's 404/405. The runtime's own routes
/// (`/health`, `/ready`, `/metrics`) are left to `ServiceApp`, which admits their callers by the
/// gateway's `ObserverPolicy` (the table's roles plus the allowed scraper addresses).
public struct AccessControlMiddleware: HeadMiddleware {
    /// Route pattern → method → route; looked up without building a key string per request.
    private let routes: [String: [HTTPMethod: PublicRoute]]

    /// Indexes `routes` by registered pattern and method.
    public init(routes: [PublicRoute] = AccessTable.routes) {
        var index: [String: [HTTPMethod: PublicRoute]] = [:]
        for route in routes { index[route.pattern, default: [:]][route.method] = route }
        self.routes = index
    }

    /// Looks the route up in the in-memory access table.
    public var neverBlocks: Bool { true }

    /// Decided from the head, so a caller the route does not admit never sends it a body: the
    /// large body limits of some routes apply only to callers allowed to call them.
    public func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
        // HEAD is answered by the GET route (RFC 9110 §9.3.2), so it is allowed as GET is.
        let method: HTTPMethod = head.method == .head ? .get : head.method
        if let route = routes[context.route]?[method], route.handling != .runtime,
            !route.admits(context.principal, parameters: context.parameters)
        {
            if context.principal.role == .anonymous { throw HTTPError.unauthorized() }
            throw HTTPError.forbidden()
        }
        return .proceed
    }
}
