import HTTP

/// Sets the request's principal from its credentials; a bad credential is a 401 on every route,
/// public ones included, so a client learns at once that its key is wrong.
public struct AuthenticationMiddleware: Middleware {
    let authenticator: Authenticator

    public init(authenticator: Authenticator) { self.authenticator = authenticator }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        var context = context
        context.principal = try authenticator.principal(for: request)
        return try next(request, context)
    }
}
