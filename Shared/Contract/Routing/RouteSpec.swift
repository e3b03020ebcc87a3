/// One route declared with its request and response types:
///
/// ```swift
/// static let customer = RouteSpec<NoBody, CustomerPoints>(
///     .get, "/customers/:customerId", roles: [.admin, .storefront, .customer, .service],
///     customerParameter: "customerId", summary: "A customer's points."
/// )
/// ```
///
/// The service registers a handler under it (`RouteCollection.on(_:use:)`, which checks the
/// roles), the gateway lists `declaration` in its access table and OpenAPI document, and a typed
/// client calls it (`ServiceClient.call(_:_:body:)`).
public struct RouteSpec<Request: RouteBody, Response: RouteBody>: Sendable {
    public let declaration: RouteDeclaration

    /// Declares a route. `statuses` are the success statuses, the usual one first; `errors` the
    /// errors specific to the route.
    public init(
        _ method: HTTPMethod, _ path: String, roles: Set<Principal.Role>, customerParameter: String? = nil,
        exposure: RouteDeclaration.Exposure = .published, summary: String, bodyLimit: Int? = nil,
        optionalBody: Bool = false, statuses: [Int] = [200], errors: [RouteError] = [], query: [QueryParameter] = [],
        paged: Bool = false,
        idempotent: Bool = false
    ) {
        declaration = RouteDeclaration(
            method, path, roles: roles, customerParameter: customerParameter, exposure: exposure, summary: summary,
            bodyLimit: bodyLimit, request: Request.body, optionalBody: optionalBody,
            response: statuses == [204] ? .none : Response.body,
            statuses: statuses, errors: errors, query: query, paged: paged, idempotent: idempotent
        )
    }

    /// The service-internal path (`/v1/...`) with `parameters` filled in, in order.
    public func servicePath(_ parameters: String...) -> String {
        declaration.servicePath(parameters)
    }
}
