import Contract
import HTTP
import ServiceKit

/// What the helpdesk routes read of a request.
extension RequestContext {
    /// The `id` path parameter.
    func recordId() throws(HTTPError) -> Int64 {
        try parameters.require("id", as: Int64.self)
    }

    /// The caller as the helpdesk's rules see them.
    var helpdeskCaller: HelpdeskCaller {
        switch principal.role {
        case .customer: return HelpdeskCaller(kind: .customer(principal.customerId), actor: actorName)
        case .admin: return HelpdeskCaller(kind: .staff, actor: actorName)
        default: return HelpdeskCaller(kind: .storefront, actor: actorName)
        }
    }

    /// The customer a thread is opened for: the body's, or a customer token's own.
    func threadCustomer(_ named: CustomerId?) throws(HTTPError) -> CustomerId? {
        try namedCustomer(named, refusal: "A customer may only write about their own orders.")
    }
}
