import HTTP

/// Sets the request's principal from its credentials; a bad credential is a 401 on every route,
/// public ones included, so a client learns at once that its key is wrong. Rejected credentials
/// are charged to the client address; an address out of tries gets 429 before its credential is
/// even looked at, so keys and tokens cannot be guessed at speed.
public struct AuthenticationMiddleware: Middleware {
    let authenticator: Authenticator
    let failures: TokenBucketLimiter?

    /// Authenticates with `authenticator`, charging rejected credentials to `failures` when given.
    public init(authenticator: Authenticator, failures: TokenBucketLimiter? = nil) {
        self.authenticator = authenticator
        self.failures = failures
    }

    /// Keys and signed tokens are checked in memory.
    public var neverBlocks: Bool { true }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        var context = context
        if let failures, request.headers["Authorization"] != nil {
            if case .limited(let seconds) = failures.peek(context.remoteAddress) {
                throw RateLimitMiddleware.tooManyRequests(
                    retryAfter: seconds, message: "Too many failed authentication attempts from this address."
                )
            }
            do {
                context.principal = try authenticator.principal(for: request)
            } catch {
                failures.charge(context.remoteAddress)
                throw error
            }
        } else {
            context.principal = try authenticator.principal(for: request)
        }
        return try next(request, context)
    }
}
