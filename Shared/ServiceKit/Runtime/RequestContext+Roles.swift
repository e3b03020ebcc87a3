import HTTP

extension RequestContext {
    /// Who did it, for histories: the admin's name, the service, or the customer.
    public var actorName: String { principal.description }
}
