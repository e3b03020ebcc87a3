import Contract
import HTTP

extension RouteDeclaration {
    /// The path with each parameter taken from `parameters` by name (re-encoded).
    public func path(with parameters: PathParameters) -> String {
        path(pathParameters.map { parameters[$0] ?? "" })
    }

    /// Whether `principal` may call this route for the request's path parameters.
    public func admits(_ principal: Principal, parameters: PathParameters) -> Bool {
        admits(principal) { parameters[$0] }
    }

    /// Throws 403 unless `principal` may call this route (a customer only for their own id).
    public func authorize(_ principal: Principal, parameters: PathParameters) throws(HTTPError) {
        guard roles.contains(.anonymous) || roles.contains(principal.role) else { throw HTTPError.forbidden() }
        guard admits(principal, parameters: parameters) else {
            throw HTTPError.forbidden("A customer may only reach their own data.")
        }
    }
}
