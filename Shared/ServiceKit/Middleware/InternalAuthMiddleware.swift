import Contract
import HTTP

/// Admits only calls that carry the internal secret (from the gateway or another service), and
/// takes the caller's identity from the internal header fields of such calls.
public struct InternalAuthMiddleware: Middleware {
    let secret: [UInt8]

    public init(secret: String) { self.secret = Array(secret.utf8) }

    /// A constant-time comparison of a header: no I/O.
    public var neverBlocks: Bool { true }

    public func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        guard let presented = request.headers[InternalHeaders.secret],
            constantTimeEquals(Array(presented.utf8), secret)
        else {
            throw HTTPError(.unauthorized, code: "unauthorized", message: "Services are called through the gateway.")
        }
        guard let principal = InternalHeaders.principal(from: request.headers) else {
            throw HTTPError.badRequest("The caller's identity is missing.", code: "missing_principal")
        }
        var context = context
        context.principal = principal
        return try next(request, context)
    }
}
