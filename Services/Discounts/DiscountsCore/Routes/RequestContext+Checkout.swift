import Contract
import HTTP
import Primitives
import ServiceKit

/// What checkout reads of the caller.
extension RequestContext {
    /// Whether the caller is the shop's back office, who sees every refusal reason as it is.
    var isAdmin: Bool { principal.role == .admin }

    /// The customer a cart is for: the body's, or a customer token's own.
    func cartCustomer(_ named: CustomerId?) throws(HTTPError) -> CustomerId? {
        try namedCustomer(named, refusal: "A customer may only use codes for themselves.")
    }

    /// The client the gateway served: it replaces `X-Forwarded-For` with the address it believes
    /// (`ForwardedClientMiddleware`) and only callers with the internal secret get this far, so
    /// the field is trusted here; without it (a call from another service), the peer.
    func clientAddress(_ request: HTTPRequest) -> String {
        request.headers["X-Forwarded-For"].map { $0.trimmed() }.flatMap { $0.isEmpty ? nil : $0 } ?? remoteAddress
    }
}
