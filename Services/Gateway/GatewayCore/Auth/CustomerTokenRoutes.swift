import Contract
import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// `POST /api/v1/auth/customer-tokens`: the storefront (or an admin) mints a token that lets one
/// customer reach their own data, for at most a day.
public struct CustomerTokenRoutes: Sendable {
    let minting: CustomerTokenMinting

    /// Mints with `signer`, limits minting per customer with `minting`, dates by `clock`.
    public init(signer: TokenSigner, minting: TokenBucketLimiter?, clock: WallClock) {
        self.minting = CustomerTokenMinting(signer: signer, minting: minting, clock: clock)
    }

    /// Validates the request and answers 201 `{token, expiresAt}`.
    public func mint(_ request: HTTPRequest, context: RequestContext) throws -> HTTPResponse {
        // An id breaking the identifier rule fails decoding: 422 `invalid_identifier` naming it.
        try .json(minting.mint(try request.decode(CustomerTokenRequest.self)), status: .created)
    }
}
