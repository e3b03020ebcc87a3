import HTTP

extension RequestContext {
    /// Throws 403 unless the caller has one of `roles`.
    public func require(_ roles: Principal.Role...) throws(HTTPError) {
        guard roles.contains(principal.role) else { throw HTTPError.forbidden() }
    }

    /// Throws 403 unless the caller may act for `customerId` (staff, services, or that customer).
    public func requireAccess(toCustomer customerId: CustomerId) throws(HTTPError) {
        guard principal.mayActFor(customerId: customerId) else {
            throw HTTPError.forbidden("A customer may only reach their own data.")
        }
    }

    /// Who did it, for histories: the admin's name, the service, or the customer.
    public var actorName: String { principal.description }
}
