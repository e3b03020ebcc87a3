import HTTP
import ServiceKit

/// Sets the request's principal from its credentials, from the head alone, before any body is
/// read; a bad credential is a 401 on every route, public ones included, so a client learns at
/// once that its key is wrong. Rejected credentials are charged to the client address: once an
/// address is out of tries its further failed attempts get 429, so keys and tokens cannot be
/// guessed at speed. A valid credential is never refused for what others did from its address
/// (behind a proxy or a NAT, many callers share one).
public struct AuthenticationMiddleware: HeadMiddleware {
    let authenticator: Authenticator
    let failures: TokenBucketLimiter?

    /// Authenticates with `authenticator`, charging rejected credentials to `failures` when given.
    public init(authenticator: Authenticator, failures: TokenBucketLimiter? = nil) {
        self.authenticator = authenticator
        self.failures = failures
    }

    /// Keys and signed tokens are checked in memory.
    public var neverBlocks: Bool { true }

    public func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
        do {
            context.principal = try authenticator.principal(for: head)
        } catch {
            if let failures, case .limited(let seconds) = failures.acquire(context.remoteAddress) {
                throw HTTPError.tooManyRequests(
                    retryAfter: seconds, message: "Too many failed authentication attempts from this address."
                )
            }
            throw error
        }
        return .proceed
    }
}
