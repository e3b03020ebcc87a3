import Contract
import HTTP
import Primitives

extension RequestContext {
    /// Who is calling: the principal the authentication layer set in the context's identity slot
    /// (the gateway's from credentials, a service's from the internal header fields), anonymous
    /// until one does.
    public var principal: Principal {
        get { identity as? Principal ?? .anonymous }
        set { identity = newValue }
    }

    /// Who did it, for histories: the admin's name, the service, or the customer.
    public var actorName: String { principal.description }

    /// The customer a request names in its body (a cart, a review, a thread), as the caller may
    /// name it: staff, the storefront and services as given; a customer token always itself
    /// (leaving the field out means itself; naming another customer is a 403 saying `refusal`).
    public func namedCustomer(_ named: CustomerId?, refusal: String) throws(HTTPError) -> CustomerId? {
        guard principal.role == .customer else { return named }
        if let named, named != principal.customerId { throw HTTPError.forbidden(refusal) }
        return principal.customerId
    }

    /// A context for `principal`, as a test or a layer that builds contexts by hand makes one.
    public init(
        requestId: String = RequestID.generate(), route: String = "unmatched",
        parameters: PathParameters = PathParameters(), query: QueryParameters = QueryParameters(),
        principal: Principal, remoteAddress: String = "127.0.0.1", startedAt: UInt64 = MonotonicClock.now()
    ) {
        self.init(
            requestId: requestId, route: route, parameters: parameters, query: query, identity: principal,
            remoteAddress: remoteAddress, startedAt: startedAt)
    }
}
