import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// Tokens that let one customer reach their own data for at most a day, minted for the
/// storefront (or an admin), limited per customer.
struct CustomerTokenMinting: Sendable {
    let signer: TokenSigner
    /// Minting per customer id, stricter than ordinary calls.
    let minting: TokenBucketLimiter?
    /// Dates the tokens.
    let clock: WallClock

    /// A token for the request's customer, valid for its `ttlSeconds` (a day at most, the
    /// default when left out): 422 for a lifetime out of range, 429 when the customer has had
    /// too many.
    func mint(_ request: CustomerTokenRequest) throws -> CustomerToken {
        let ttl = request.ttlSeconds ?? CustomerTokenRequest.defaultTTLSeconds
        guard ttl >= 1, ttl <= CustomerTokenRequest.maxTTLSeconds else {
            throw HTTPError.unprocessable(
                "ttlSeconds must be 1–\(CustomerTokenRequest.maxTTLSeconds).", code: "invalid_token_request",
                details: ["field": .string("ttlSeconds")]
            )
        }
        if let minting, case .limited(let seconds) = minting.acquire(request.customerId.text) {
            throw HTTPError.tooManyRequests(
                retryAfter: seconds, message: "Too many tokens minted for this customer.")
        }
        // ttl ≤ 86 400 and the clock is a real time, so the sum cannot overflow; checked anyway.
        let (expiresAt, overflow) = clock.unixSeconds().addingReportingOverflow(ttl)
        guard !overflow else {
            throw HTTPError.unprocessable("ttlSeconds is too large.", details: ["field": .string("ttlSeconds")])
        }
        let token = signer.sign(TokenClaims(subject: request.customerId.text, expiresAt: expiresAt))
        return CustomerToken(token: token, expiresAt: Date(timeIntervalSince1970: TimeInterval(expiresAt)))
    }
}
