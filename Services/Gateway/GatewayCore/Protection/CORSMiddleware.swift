import HTTP

/// Cross-origin calls from browsers (the Fetch standard's CORS protocol): pages from the
/// configured origins may call the API with customer tokens; pages from anywhere else may not
/// send credentials at all, and never see `Access-Control-Allow-Origin`.
///
/// - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here:
///   204 with the allowed methods, headers and a max age for an allowed origin, 403 otherwise.
/// - A request with an allowed `Origin` gets it echoed in `Access-Control-Allow-Origin`.
/// - A request from another origin that carries `Authorization` is refused with 403: a foreign
///   page must not be able to use a token it got hold of. Without credentials it goes on (public
///   reads), but the browser will not let the page read the answer.
/// - Every answer says `Vary: Origin`, so caches keep the variants apart.
///
/// Bearer tokens travel in `Authorization`, not cookies, so `Access-Control-Allow-Credentials` is
/// never sent.
public struct CORSMiddleware: HeadMiddleware {
    static let allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE"
    static let allowedHeaders = "Authorization, Content-Type, Idempotency-Key, X-Request-Id"
    static let exposedHeaders = "X-Request-Id, Retry-After"
    /// Browsers cap this (Chromium at 2 hours); 10 minutes keeps a changed policy quick to apply.
    static let maxAgeSeconds = "600"

    let policy: CORSPolicy

    /// Applies `policy`.
    public init(policy: CORSPolicy) { self.policy = policy }

    /// Compares the origin with the configured list: no I/O.
    public var neverBlocks: Bool { true }

    /// Preflights are answered, and a foreign page's credentials refused, from the head: before
    /// authentication looks at them and before any body is read.
    public func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
        guard let origin = head.headers["Origin"] else { return .proceed }
        let allowed = policy.allows(origin)
        if head.method == .options, head.headers["Access-Control-Request-Method"] != nil {
            guard allowed else { throw Self.originRefused }
            return .answer(
                HTTPResponse(
                    status: .noContent,
                    headers: [
                        "Access-Control-Allow-Origin": origin,
                        "Access-Control-Allow-Methods": Self.allowedMethods,
                        "Access-Control-Allow-Headers": Self.allowedHeaders,
                        "Access-Control-Max-Age": Self.maxAgeSeconds,
                        "Vary": "Origin",
                    ]))
        }
        if !allowed && head.headers["Authorization"] != nil { throw Self.originRefused }
        return .proceed
    }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        guard let origin = request.headers["Origin"] else {
            return try next(request, context).map { response in
                var response = response
                response.headers.add(name: "Vary", value: "Origin")
                return response
            }
        }
        let allowed = policy.allows(origin)
        // The router turns inner errors into responses, so 401s and 429s get the headers too
        // and the page can read why it was refused.
        return try next(request, context).map { response in
            var response = response
            response.headers.add(name: "Vary", value: "Origin")
            if allowed {
                response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: origin)
                response.headers.replaceOrAdd(name: "Access-Control-Expose-Headers", value: Self.exposedHeaders)
            }
            return response
        }
    }

    static var originRefused: HTTPError {
        HTTPError(
            .forbidden, code: "origin_not_allowed", message: "This web origin may not call the API.",
            headers: ["Vary": "Origin"])
    }
}
