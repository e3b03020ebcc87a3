import Contract
import HTTP
import ServiceKit

/// What loyalty reads of the caller: the name its history records and the customer of the path.
extension RequestContext {
    /// The name written in the history: the admin key's label for an admin, otherwise the role
    /// (with the customer or the service's name).
    var historyActor: String {
        if principal.role == .admin { return principal.name.map { $0.isEmpty ? "admin" : $0 } ?? "admin" }
        return principal.description
    }

    /// Whether the caller is the shop's back office.
    var isAdmin: Bool { principal.role == .admin }

    /// The `customerId` path parameter, checked against the identifier rule (a bad one is a 400).
    func customerParameter() throws(HTTPError) -> CustomerId {
        try parameters.require("customerId", as: CustomerId.self)
    }
}
