import FoundationEssentials
import Glibc
import HTTP
import ServiceKit

/// Turns `Authorization: Bearer …` into a principal: an admin or storefront API key (compared in
/// constant time, every key checked so timing tells nothing about which matched), or a signed,
/// unexpired customer token. No header is the anonymous caller; a bad credential is a 401.
public struct Authenticator: Sendable {
    let keys: GatewayKeys
    let now: @Sendable () -> Int64

    public init(keys: GatewayKeys, now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.keys = keys
        self.now = now
    }

    /// The caller of `request`.
    public func principal(for request: HTTPRequest) throws(HTTPError) -> Principal {
        try principal(for: request.head)
    }

    /// The caller whose request has this head: credentials travel in header fields, so the caller
    /// is known before any body is read.
    public func principal(for head: HTTPRequestHead) throws(HTTPError) -> Principal {
        guard let header = head.headers["Authorization"] else { return .anonymous }
        guard header.utf8.count <= 8192, header.count > 7,
            HTTPHeaders.equalsIgnoringCase(header.prefix(7), "Bearer ")
        else { throw HTTPError.unauthorized("Use Authorization: Bearer <key or token>.") }
        let credential = String(header.dropFirst(7)).trimmed()
        let bytes = Array(credential.utf8)
        var matched: Principal?
        for key in keys.adminKeys where constantTimeEquals(bytes, key.secret) {
            matched = Principal(role: .admin, name: key.label)
        }
        for key in keys.storefrontKeys where constantTimeEquals(bytes, key.secret) {
            matched = Principal(role: .storefront, name: key.label)
        }
        if let matched { return matched }
        if credential.hasPrefix("v1.") {
            do {
                let claims = try keys.signer.verify(credential, now: now())
                return Principal(role: .customer, customerId: claims.subject)
            } catch .expired {
                throw HTTPError.unauthorized("The customer token has expired.")
            } catch {
                throw HTTPError.unauthorized("The customer token is not valid.")
            }
        }
        throw HTTPError.unauthorized("The API key or token is not valid.")
    }
}
