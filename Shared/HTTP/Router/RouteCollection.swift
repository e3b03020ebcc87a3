/// One route: method, path pattern, body limit, where its handler runs, the group middleware
/// around it, and its handler.
public struct Route: Sendable {
    public let method: HTTPMethod
    /// The pattern: literal segments, `:name` parameters and an optional trailing `*`.
    public let pattern: String
    public let bodyLimit: Int?
    /// `.eventLoop` only for a handler that never blocks; the router still runs it on a worker
    /// when any middleware around it may block.
    public let execution: HandlerExecution
    public let middleware: [any Middleware]
    public let handler: RouteHandler
    /// The `HeadMiddleware` layers of `middleware` with their positions (set by the router).
    var headLayers: [HeadLayer] = []
}

/// A list of routes built fluently; groups add a path prefix and middleware.
///
/// ```swift
/// var routes: RouteCollection {
///     RouteCollection()
///         .get("customers/:customerId", use: customer)
///         .post("customers/:customerId/adjustments", use: adjust)
/// }
/// ```
public struct RouteCollection: Sendable {
    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route. `bodyLimit` raises (or lowers) the default request-body limit for it;
    /// `execution: .eventLoop` runs a handler that never blocks without a hand-off to a worker.
    public func on(
        _ method: HTTPMethod, _ path: String, bodyLimit: Int? = nil, execution: HandlerExecution = .workerPool,
        use handler: @escaping RouteHandler
    ) -> RouteCollection {
        var copy = self
        copy.routes.append(
            Route(
                method: method, pattern: Self.normalise(path), bodyLimit: bodyLimit, execution: execution,
                middleware: [], handler: handler
            ))
        return copy
    }

    public func get(_ path: String, execution: HandlerExecution = .workerPool, use handler: @escaping RouteHandler)
        -> RouteCollection
    {
        on(.get, path, execution: execution, use: handler)
    }
    public func post(_ path: String, bodyLimit: Int? = nil, use handler: @escaping RouteHandler) -> RouteCollection {
        on(.post, path, bodyLimit: bodyLimit, use: handler)
    }
    public func put(_ path: String, bodyLimit: Int? = nil, use handler: @escaping RouteHandler) -> RouteCollection {
        on(.put, path, bodyLimit: bodyLimit, use: handler)
    }
    public func patch(_ path: String, use handler: @escaping RouteHandler) -> RouteCollection {
        on(.patch, path, use: handler)
    }
    public func delete(_ path: String, use handler: @escaping RouteHandler) -> RouteCollection {
        on(.delete, path, use: handler)
    }

    /// Adds every route of `other`.
    public func include(_ other: RouteCollection) -> RouteCollection {
        var copy = self
        copy.routes.append(contentsOf: other.routes)
        return copy
    }

    /// Adds `other`'s routes under `prefix`, each wrapped in `middleware` (outermost first).
    public func group(_ prefix: String, middleware: [any Middleware] = [], _ other: RouteCollection) -> RouteCollection
    {
        var copy = self
        let base = Self.normalise(prefix)
        for route in other.routes {
            let joined = base == "/" ? route.pattern : (route.pattern == "/" ? base : base + route.pattern)
            copy.routes.append(
                Route(
                    method: route.method, pattern: joined, bodyLimit: route.bodyLimit, execution: route.execution,
                    middleware: middleware + route.middleware, handler: route.handler
                ))
        }
        return copy
    }

    static func normalise(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + segments.joined(separator: "/")
    }
}
