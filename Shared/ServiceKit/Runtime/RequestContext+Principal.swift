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
