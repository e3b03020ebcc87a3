/// Routes requests to handlers: matches method and path (404 versus 405 with `Allow`), parses the
/// query, runs the middleware, and turns every thrown error into the JSON error envelope: an
/// `HTTPResponseError` as it says, a `DecodingError` as `DecodingProblem` words it, anything else as a
/// generic 500 whose details go only to `onUnexpectedError`.
public final class Router: HTTPResponder {
    private let trie: RouteTrie
    private let middleware: [any Middleware]
    private let onUnexpectedError: @Sendable (any Error, RequestContext) -> Void
    /// Every route, in the order added.
    public let routes: [Route]

    public init(
        routes: RouteCollection,
        middleware: [any Middleware] = [],
        onUnexpectedError: @escaping @Sendable (any Error, RequestContext) -> Void = { _, _ in }
    ) {
        self.routes = routes.routes
        self.middleware = middleware
        self.onUnexpectedError = onUnexpectedError
        // A route runs on an event loop only if nothing around it may block: its handler says so
        // and every middleware layer, global and of its group, never blocks.
        let globalNeverBlocks = middleware.allSatisfy(\.neverBlocks)
        answersOnEventLoop = globalNeverBlocks
        // The trie's routes carry their whole chain, global layers first, so a request does not
        // assemble it anew.
        self.trie = RouteTrie(
            routes.routes.map { route in
                let onLoop =
                    route.execution == .eventLoop && globalNeverBlocks && route.middleware.allSatisfy(\.neverBlocks)
                return Route(
                    method: route.method, pattern: route.pattern, bodyLimit: route.bodyLimit,
                    execution: onLoop ? .eventLoop : .workerPool, middleware: middleware + route.middleware,
                    handler: route.handler
                )
            })
    }

    /// Whether requests no route takes (404, 405, a malformed path) are answered on the event loop:
    /// only the global middleware runs for them.
    private let answersOnEventLoop: Bool

    /// What the router found for a request's head, carried to `respond` in the plan.
    enum Routing: Sendable {
        case matched(RouteTrie.Match)
        case malformedPath
    }

    public func plan(for head: HTTPRequestHead, defaultBodyLimit: Int) -> RequestPlan {
        let routing = routing(for: head)
        switch routing {
        case .matched(.found(let route, _)):
            return RequestPlan(
                bodyLimit: route.bodyLimit ?? defaultBodyLimit, execution: route.execution, routing: routing)
        case .matched, .malformedPath:
            return RequestPlan(
                bodyLimit: defaultBodyLimit, execution: answersOnEventLoop ? .eventLoop : .workerPool, routing: routing)
        }
    }

    public func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        respond(to: request, routing: routing(for: request.head), connection: connection)
    }

    public func respond(to request: HTTPRequest, plan: RequestPlan, connection: ConnectionInfo) -> HTTPResponse {
        respond(to: request, routing: plan.routing as? Routing ?? routing(for: request.head), connection: connection)
    }

    private func routing(for head: HTTPRequestHead) -> Routing {
        guard let segments = Self.segments(of: head.rawPath) else { return .malformedPath }
        return .matched(trie.match(head.method, segments))
    }

    private func respond(to request: HTTPRequest, routing: Routing, connection: ConnectionInfo) -> HTTPResponse {
        let requestId =
            request.headers["X-Request-Id"].flatMap { RequestID.isAcceptable($0) ? $0 : nil }
            ?? RequestID.generate()
        var context = RequestContext(requestId: requestId, remoteAddress: connection.remoteAddress)
        var terminal: RouteHandler
        var layers = middleware
        switch routing {
        case .matched(.found(let route, let parameters)):
            context = RequestContext(
                requestId: requestId, route: route.pattern, parameters: parameters,
                remoteAddress: connection.remoteAddress, startedAt: context.startedAt
            )
            if let query = QueryParameters(raw: request.head.rawQuery) {
                context.query = query
                terminal = route.handler
                layers = route.middleware
            } else {
                terminal = { _, _ in
                    throw HTTPError.badRequest("The query string has a bad percent escape.", code: "malformed_query")
                }
            }
        case .matched(.methodNotAllowed(let allowed)):
            let allow = allowed.map(\.description).joined(separator: ", ")
            terminal = { _, _ in
                throw HTTPError(
                    .methodNotAllowed, code: "method_not_allowed",
                    message: "This path does not accept \(request.method).", headers: ["Allow": allow])
            }
        case .matched(.notFound):
            terminal = { _, _ in throw HTTPError.notFound("No route for this path.") }
        case .malformedPath:
            terminal = { _, _ in
                throw HTTPError.badRequest("The path has a bad percent escape.", code: "malformed_path")
            }
        }
        return run(request, context, layers[...], terminal).map { response in
            var response = response
            response.headers.replaceOrAdd(name: "X-Request-Id", value: requestId)
            return response
        }
    }

    /// Runs the middleware outermost first; each layer's errors become responses right there, so
    /// an outer layer (logging, metrics) always sees the final status (through `HTTPResponse.map`
    /// when the handler's answer is pending).
    private func run(
        _ request: HTTPRequest, _ context: RequestContext, _ layers: ArraySlice<any Middleware>,
        _ terminal: RouteHandler
    ) -> HTTPResponse {
        do {
            guard let layer = layers.first else {
                let response = try terminal(request, context)
                // A failure arriving later becomes the same envelope a thrown one does, before
                // any layer's `map` sees it.
                if case .pending(let pending) = response.body {
                    pending.recover { [self] error in errorResponse(error, context: context) }
                }
                return response
            }
            let rest = layers.dropFirst()
            return try layer.handle(request, context: context) { request, context in
                self.run(request, context, rest, terminal)
            }
        } catch {
            return errorResponse(error, context: context)
        }
    }

    /// The JSON error response for `error`.
    public func errorResponse(_ error: any Error, context: RequestContext) -> HTTPResponse {
        if let known = error as? any HTTPResponseError {
            return JSONText.errorResponse(
                status: known.status, code: known.code, message: known.message,
                detailsJSON: known.detailsJSON, requestId: context.requestId, headers: known.headers
            )
        }
        if let decoding = error as? DecodingError {
            let problem = DecodingProblem(decoding)
            return JSONText.errorResponse(
                status: problem.status, code: problem.code, message: problem.message,
                detailsJSON: problem.detailsJSON, requestId: context.requestId
            )
        }
        onUnexpectedError(error, context)
        return JSONText.errorResponse(
            status: .internalServerError, code: "internal_error",
            message: "Something went wrong on our side; it has been logged.", requestId: context.requestId
        )
    }

    /// The percent-decoded segments of a raw path; nil on a bad escape. Absolute-form targets
    /// (`http://host/path`, RFC 9112 §3.2.2) are reduced to their path.
    static func segments(of rawPath: Substring) -> [String]? {
        var path = rawPath
        if !path.hasPrefix("/") {
            let utf8 = Array(path.utf8)
            var schemeEnd: Int?
            if utf8.count >= 3 {
                for index in 0...(utf8.count - 3)
                where utf8[index] == 58 && utf8[index + 1] == 47 && utf8[index + 2] == 47 {
                    schemeEnd = index + 3
                    break
                }
            }
            guard let schemeEnd else { return [] }
            let afterHost = path.dropFirst(schemeEnd)
            path = afterHost.firstIndex(of: "/").map { afterHost[$0...] } ?? "/"
        }
        var segments: [String] = []
        // Split on the byte: splitting on a Character walks grapheme clusters.
        for raw in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            guard let decoded = PercentDecoding.decode(Substring(raw)) else { return nil }
            segments.append(decoded)
        }
        return segments
    }
}
