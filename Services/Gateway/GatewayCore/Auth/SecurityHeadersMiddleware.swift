import HTTP

/// Header fields on every answer of the public door: no sniffing, no framing, no referrer, no
/// caching of API answers by shared caches. An answer that sets its own Content-Security-Policy
/// (the admin panel's pages) keeps it; every other gets `default-src 'none'`.
public struct SecurityHeadersMiddleware: Middleware {
    public init() {}

    /// Adds headers: no I/O.
    public var neverBlocks: Bool { true }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        try next(request, context).map { response in
            var response = response
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
            if response.headers["Content-Security-Policy"] == nil {
                response.headers.add(
                    name: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'")
            }
            if response.headers["Cache-Control"] == nil {
                response.headers.add(name: "Cache-Control", value: "no-store")
            }
            return response
        }
    }
}
