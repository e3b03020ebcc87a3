import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `POST /api/v1/auth/customer-tokens`: the storefront (or an admin) mints a token that lets one
/// customer reach their own data, for at most a day.
public struct CustomerTokenRoutes: Sendable {
    let signer: TokenSigner
    /// Minting per customer id, stricter than ordinary calls.
    let minting: TokenBucketLimiter?
    /// Dates the tokens.
    let clock: WallClock

    /// Mints with `signer`, limits minting per customer with `minting`, dates by `clock`.
    public init(signer: TokenSigner, minting: TokenBucketLimiter?, clock: WallClock) {
        self.signer = signer
        self.minting = minting
        self.clock = clock
    }

    /// Validates the request and answers 201 `{token, expiresAt}`.
    public func mint(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        // An id breaking the identifier rule fails decoding: 422 `invalid_identifier` naming it.
        let body = try request.decode(CustomerTokenRequest.self)
        let ttl = body.ttlSeconds ?? CustomerTokenRequest.defaultTTLSeconds
        guard ttl >= 1, ttl <= CustomerTokenRequest.maxTTLSeconds else {
            throw HTTPError.unprocessable(
                "ttlSeconds must be 1–\(CustomerTokenRequest.maxTTLSeconds).", code: "invalid_token_request",
                details: ["field": .string("ttlSeconds")]
            )
        }
        if let minting, case .limited(let seconds) = minting.acquire(body.customerId.text) {
            throw RateLimitMiddleware.tooManyRequests(
                retryAfter: seconds, message: "Too many tokens minted for this customer.")
        }
        // ttl ≤ 86 400 and the clock is a real time, so the sum cannot overflow; checked anyway.
        let (expiresAt, overflow) = clock.unixSeconds().addingReportingOverflow(ttl)
        guard !overflow else {
            throw HTTPError.unprocessable("ttlSeconds is too large.", details: ["field": .string("ttlSeconds")])
        }
        let token = signer.sign(TokenClaims(subject: body.customerId.text, expiresAt: expiresAt))
        return try .json(
            CustomerToken(token: token, expiresAt: Date(timeIntervalSince1970: TimeInterval(expiresAt))),
            status: .created
        )
    }
}
