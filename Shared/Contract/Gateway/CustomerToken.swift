import FoundationEssentials
import Glibc

/// The body of `POST /api/v1/auth/customer-tokens`: whom the token is for and how long it lives.
public struct CustomerTokenRequest: Codable, Sendable, Hashable {
    /// Longest lifetime a token may be given, in seconds (24 hours).
    public static let maxTTLSeconds: Int64 = 86_400
    /// Lifetime when the request names none, in seconds (one hour).
    public static let defaultTTLSeconds: Int64 = 3_600
    /// The storefront's customer id the token will stand for: the same rule every customer
    /// route applies (`CustomerIdKind`), checked when the body is decoded, so no token is minted
    /// for an id the routes would refuse or read as another customer's.
    public var customerId: CustomerId
    /// Seconds until the token expires: 1 to `maxTTLSeconds`, default `defaultTTLSeconds`.
    public var ttlSeconds: Int64?

    /// Creates a request.
    public init(customerId: CustomerId, ttlSeconds: Int64? = nil) {
        self.customerId = customerId
        self.ttlSeconds = ttlSeconds
    }
}

/// The answer to `POST /api/v1/auth/customer-tokens`: a signed bearer token and its expiry.
public struct CustomerToken: Codable, Sendable, Hashable {
    /// The bearer token, sent as `Authorization: Bearer <token>`.
    public var token: String
    /// When the token stops being accepted (RFC 3339, whole seconds).
    public var expiresAt: Date

    /// Creates a token answer.
    public init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }
}
