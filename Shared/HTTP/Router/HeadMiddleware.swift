/// What a layer decided from a request's head.
public enum HeadDecision: Sendable {
    /// Go on: read the body (up to the route's limit) and run the rest of the chain.
    case proceed
    /// Answer with this at once; the body is never read.
    case answer(HTTPResponse)
}

/// A layer that decides from a request's head alone, before its body is read: authentication,
/// rate limits, access rules. The router runs `inspect` on the event loop once the header block is
/// parsed, in chain order, threading the context (the caller's identity, the client's address)
/// from one layer to the next. When a layer throws or answers, the server answers at once without reading
/// the body (and closes the connection after it when a body was on its way), so a caller who may
/// not call a route never makes the server hold, or wait for, the body that route allows.
/// Otherwise the route's body limit applies and the request goes down the chain with the context
/// as the head stage left it; each layer's `handle` then runs as for any middleware (by default it
/// just calls `next`: the decision was made).
///
/// ```swift
/// struct RequireKey: HeadMiddleware {
///     var neverBlocks: Bool { true }
///     func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
///         guard head.headers["X-Key"] == "secret" else { throw HTTPError.unauthorized() }
///         return .proceed
///     }
/// }
/// ```
///
/// `inspect` runs on an event loop: it must not block, whatever `neverBlocks` says.
public protocol HeadMiddleware: Middleware {
    func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision
}

extension HeadMiddleware {
    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        try next(request, context)
    }
}

/// A `HeadMiddleware` layer and its position in a route's chain, found once when the router is
/// built so that no request pays for a dynamic cast per layer.
struct HeadLayer: Sendable {
    let index: Int
    let layer: any HeadMiddleware
}
