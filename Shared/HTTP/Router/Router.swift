/// Routes requests to handlers: matches method and path (404 versus 405 with `Allow`), parses the
/// query, runs the middleware, and turns every thrown error into the JSON error envelope: an
/// `HTTPResponseError` as it says, a `DecodingError` as 400 naming the field, anything else as a
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
        self.trie = RouteTrie(routes.routes)
        self.middleware = middleware
        self.onUnexpectedError = onUnexpectedError
    }

    public func bodyLimit(for head: HTTPRequestHead, default limit: Int) -> Int {
        // Only a request with a body needs its route's limit; most requests (GET) have none.
        guard head.headers["Content-Length"] != nil || head.headers["Transfer-Encoding"] != nil,
              let segments = Self.segments(of: head.rawPath),
              case .found(let route, _) = trie.match(head.method, segments),
              let routeLimit = route.bodyLimit
        else { return limit }
        return routeLimit
    }

    public func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        let requestId = request.headers["X-Request-Id"].flatMap { RequestID.isAcceptable($0) ? $0 : nil }
            ?? RequestID.generate()
        var context = RequestContext(requestId: requestId, remoteAddress: connection.remoteAddress)
        var terminal: RouteHandler
        var layers = middleware
        if let segments = Self.segments(of: request.head.rawPath) {
            switch trie.match(request.method, segments) {
            case .found(let route, let parameters):
                context = RequestContext(
                    requestId: requestId, route: route.pattern, parameters: parameters,
                    remoteAddress: connection.remoteAddress, startedAt: context.startedAt
                )
                if let query = QueryParameters(raw: request.head.rawQuery) {
                    context.query = query
                    terminal = route.handler
                    layers += route.middleware
                } else {
                    terminal = { _, _ in throw HTTPError.badRequest("The query string has a bad percent escape.", code: "malformed_query") }
                }
            case .methodNotAllowed(let allowed):
                let allow = allowed.map(\.description).joined(separator: ", ")
                terminal = { _, _ in
                    throw HTTPError(.methodNotAllowed, code: "method_not_allowed",
                                    message: "This path does not accept \(request.method).", headers: ["Allow": allow])
                }
            case .notFound:
                terminal = { _, _ in throw HTTPError.notFound("No route for this path.") }
            }
        } else {
            terminal = { _, _ in throw HTTPError.badRequest("The path has a bad percent escape.", code: "malformed_path") }
        }
        var response = run(request, context, layers[...], terminal)
        response.headers.replaceOrAdd(name: "X-Request-Id", value: requestId)
        return response
    }

    /// Runs the middleware outermost first; each layer's errors become responses right there, so
    /// an outer layer (logging, metrics) always sees the final status.
    private func run(_ request: HTTPRequest, _ context: RequestContext, _ layers: ArraySlice<any Middleware>, _ terminal: RouteHandler) -> HTTPResponse {
        do {
            guard let layer = layers.first else { return try terminal(request, context) }
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
                status: .badRequest, code: "invalid_body", message: problem.message,
                detailsJSON: "{\"field\":\(JSONText.quoted(problem.path))}", requestId: context.requestId
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
                for index in 0...(utf8.count - 3) where utf8[index] == 58 && utf8[index + 1] == 47 && utf8[index + 2] == 47 {
                    schemeEnd = index + 3
                    break
                }
            }
            guard let schemeEnd else { return [] }
            let afterHost = path.dropFirst(schemeEnd)
            path = afterHost.firstIndex(of: "/").map { afterHost[$0...] } ?? "/"
        }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = PercentDecoding.decode(raw) else { return nil }
            segments.append(decoded)
        }
        return segments
    }
}

/// A `DecodingError` described for a client: which field, and what was wrong with it.
public struct DecodingProblem {
    let path: String
    let message: String

    /// A coding path as clients read it: `buyer.name`, `lines[2].quantity`.
    public static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    init(_ error: DecodingError) {
        let describe = Self.fieldPath
        switch error {
        case .keyNotFound(let key, let context):
            let path = describe(context.codingPath + [key])
            self.path = path
            message = "The field '\(path)' is required."
        case .typeMismatch(let type, let context):
            let path = describe(context.codingPath)
            self.path = path
            message = "The field '\(path.isEmpty ? "(body)" : path)' must be \(Self.name(of: type))."
        case .valueNotFound(let type, let context):
            let path = describe(context.codingPath)
            self.path = path
            message = "The field '\(path)' must be \(Self.name(of: type)), not null."
        case .dataCorrupted(let context):
            let path = describe(context.codingPath)
            self.path = path
            message = path.isEmpty
                ? "The body is not valid JSON."
                : "The field '\(path)' is invalid: \(context.debugDescription)"
        @unknown default:
            path = ""
            message = "The body could not be read."
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object or value of the expected kind"
        }
    }
}
