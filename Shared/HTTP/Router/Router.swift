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
        globalHeadLayers = Self.headLayers(of: middleware)
        // The trie's routes carry their whole chain, global layers first, so a request does not
        // assemble it anew.
        self.trie = RouteTrie(
            routes.routes.map { route in
                let onLoop =
                    route.execution == .eventLoop && globalNeverBlocks && route.middleware.allSatisfy(\.neverBlocks)
                let chain = middleware + route.middleware
                return Route(
                    method: route.method, pattern: route.pattern, bodyLimit: route.bodyLimit,
                    execution: onLoop ? .eventLoop : .workerPool, middleware: chain, handler: route.handler,
                    headLayers: Self.headLayers(of: chain)
                )
            })
    }

    /// The positions of the layers that decide from the head, found once rather than per request.
    private static func headLayers(of chain: [any Middleware]) -> [HeadLayer] {
        chain.indices.compactMap { index in
            (chain[index] as? any HeadMiddleware).map { HeadLayer(index: index, layer: $0) }
        }
    }

    /// `headLayers(of: middleware)`.
    private let globalHeadLayers: [HeadLayer]

    /// Whether requests no route takes (404, 405, a malformed path) are answered on the event loop:
    /// only the global middleware runs for them.
    private let answersOnEventLoop: Bool

    /// What the router found for a request's head, carried to `respond` in the plan.
    enum Routing: Sendable {
        case matched(RouteTrie.Match)
        case malformedPath
    }

    /// Everything worked out from a request's head: the chain to run, its context after the head
    /// stage, and the layer that answered there, if one did.
    struct Planned: Sendable {
        let routing: Routing
        let layers: [any Middleware]
        let terminal: RouteHandler
        let context: RequestContext
        let stop: HeadStop?
    }

    /// A head-stage layer's answer, given where that layer sits in the chain.
    struct HeadStop: Sendable {
        let layer: Int
        let answer: Result<HTTPResponse, any Error>
    }

    public func plan(for head: HTTPRequestHead, connection: ConnectionInfo, defaultBodyLimit: Int) -> RequestPlan {
        let planned = prepare(head, connection: connection)
        if let stop = planned.stop {
            // Only the layers outside the one that answered run: on the loop if none may block.
            let onLoop = planned.layers[..<stop.layer].allSatisfy(\.neverBlocks)
            return RequestPlan(
                bodyLimit: defaultBodyLimit, execution: onLoop ? .eventLoop : .workerPool, routing: planned,
                answersBeforeBody: true)
        }
        switch planned.routing {
        case .matched(.found(let route, _)):
            return RequestPlan(
                bodyLimit: route.bodyLimit ?? defaultBodyLimit, execution: route.execution, routing: planned)
        case .matched, .malformedPath:
            return RequestPlan(
                bodyLimit: defaultBodyLimit, execution: answersOnEventLoop ? .eventLoop : .workerPool, routing: planned)
        }
    }

    public func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        execute(request, prepare(request.head, connection: connection))
    }

    public func respond(to request: HTTPRequest, plan: RequestPlan, connection: ConnectionInfo) -> HTTPResponse {
        execute(request, plan.routing as? Planned ?? prepare(request.head, connection: connection))
    }

    /// Matches the route, picks the chain and its handler, and runs the head stage: every
    /// `HeadMiddleware` of the chain inspects the head in order, until one answers.
    private func prepare(_ head: HTTPRequestHead, connection: ConnectionInfo) -> Planned {
        let requestId =
            head.headers["X-Request-Id"].flatMap { RequestID.isAcceptable($0) ? $0 : nil } ?? RequestID.generate()
        var context = RequestContext(requestId: requestId, remoteAddress: connection.remoteAddress)
        var terminal: RouteHandler
        var layers = middleware
        var headLayers = globalHeadLayers
        let routing: Routing
        if let segments = Self.segments(of: head.rawPath) {
            routing = .matched(trie.match(head.method, segments))
        } else {
            routing = .malformedPath
        }
        switch routing {
        case .matched(.found(let route, let parameters)):
            context = RequestContext(
                requestId: requestId, route: route.pattern, parameters: parameters,
                remoteAddress: connection.remoteAddress, startedAt: context.startedAt
            )
            if let query = QueryParameters(raw: head.rawQuery) {
                context.query = query
                terminal = route.handler
                layers = route.middleware
                headLayers = route.headLayers
            } else {
                terminal = { _, _ in
                    throw HTTPError.badRequest("The query string has a bad percent escape.", code: "malformed_query")
                }
            }
        case .matched(.methodNotAllowed(let allowed)):
            let allow = allowed.map(\.description).joined(separator: ", ")
            let method = head.method
            terminal = { _, _ in
                throw HTTPError(
                    .methodNotAllowed, code: "method_not_allowed",
                    message: "This path does not accept \(method).", headers: ["Allow": allow])
            }
        case .matched(.notFound):
            terminal = { _, _ in throw HTTPError.notFound("No route for this path.") }
        case .malformedPath:
            terminal = { _, _ in
                throw HTTPError.badRequest("The path has a bad percent escape.", code: "malformed_path")
            }
        }
        var stop: HeadStop?
        for check in headLayers {
            do {
                if case .answer(let response) = try check.layer.inspect(head, context: &context) {
                    stop = HeadStop(layer: check.index, answer: .success(response))
                }
            } catch {
                stop = HeadStop(layer: check.index, answer: .failure(error))
            }
            if stop != nil { break }
        }
        return Planned(routing: routing, layers: layers, terminal: terminal, context: context, stop: stop)
    }

    /// Runs the chain planned for `request`'s head.
    private func execute(_ request: HTTPRequest, _ planned: Planned) -> HTTPResponse {
        let requestId = planned.context.requestId
        return run(request, planned.context, planned.layers[...], planned.terminal, stop: planned.stop).map {
            response in
            var response = response
            response.headers.replaceOrAdd(name: "X-Request-Id", value: requestId)
            return response
        }
    }

    /// Runs the middleware outermost first; each layer's errors become responses right there, so
    /// an outer layer (logging, metrics) always sees the final status (through `HTTPResponse.map`
    /// when the handler's answer is pending). The layer that answered at the head stage answers
    /// again in its place, so the layers outside it see that answer as if it had made it here.
    private func run(
        _ request: HTTPRequest, _ context: RequestContext, _ layers: ArraySlice<any Middleware>,
        _ terminal: RouteHandler, stop: HeadStop?
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
            if let stop, stop.layer == layers.startIndex { return try stop.answer.get() }
            let rest = layers.dropFirst()
            return try layer.handle(request, context: context) { request, context in
                self.run(request, context, rest, terminal, stop: stop)
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
