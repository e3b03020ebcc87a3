/// Everything a handler knows about its request beyond the request itself: a typed struct, never
/// a bag of `Any`.
public struct RequestContext: Sendable {
    /// The request id: the caller's `X-Request-Id` when acceptable, otherwise a new one.
    public let requestId: String
    /// The route pattern that matched (e.g. `/v1/customers/:customerId`), or `unmatched`.
    public let route: String
    public var parameters: PathParameters
    public var query: QueryParameters
    /// Who is calling, when an authentication layer has said so: a typed value of the
    /// application's (`Principal` in the suite, read as `context.principal`); nil for a caller
    /// no layer identified.
    public var identity: (any RequestIdentity)?
    /// The client's address: the connection's peer, or the client a trusted proxy names
    /// (set by a head-stage layer, before any other layer reads it).
    public var remoteAddress: String
    /// When the request reached the router (monotonic nanoseconds).
    public let startedAt: UInt64

    public init(
        requestId: String = RequestID.generate(),
        route: String = "unmatched",
        parameters: PathParameters = PathParameters(),
        query: QueryParameters = QueryParameters(),
        identity: (any RequestIdentity)? = nil,
        remoteAddress: String = "127.0.0.1",
        startedAt: UInt64 = MonotonicClock.now()
    ) {
        self.requestId = requestId
        self.route = route
        self.parameters = parameters
        self.query = query
        self.identity = identity
        self.remoteAddress = remoteAddress
        self.startedAt = startedAt
    }
}

/// A route handler: a request and its context in, a response out; thrown errors become JSON
/// error responses.
public typealias RouteHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// Code that wraps handlers: request logging, metrics, authentication. A layer that reads or
/// changes the response does it in `HTTPResponse.map`, so that it also sees an answer that
/// arrives later (`PendingResponse`, e.g. a forwarded request).
///
/// ```swift
/// struct Served: Middleware {
///     func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
///         try next(request, context).map { response in
///             var response = response
///             response.headers.add(name: "Server-Timing", value: "app")
///             return response
///         }
///     }
/// }
/// ```
public protocol Middleware: Sendable {
    typealias Next = (HTTPRequest, RequestContext) throws -> HTTPResponse
    func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse
    /// True when the layer's own work never blocks (no I/O, no waiting), so routes marked
    /// `.eventLoop` may run through it on an event loop. False unless a layer says so.
    var neverBlocks: Bool { get }
}

extension Middleware {
    public var neverBlocks: Bool { false }
}
