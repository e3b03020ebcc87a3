import Contract
import Foundation
import HTTP
import ServiceKit
import Store

/// The gateway: the suite's one public door. Authenticates callers, enforces the access table,
/// forwards `/api/v1/<service>/…` to the owning service, and reports the suite's readiness.
public enum GatewayService {
    public static let name = "gateway"
    public static let defaultPort = 8080

    /// The definition `main.swift` runs and tests start in-process.
    public static func definition() -> ServiceDefinition {
        ServiceDefinition(
            name: name,
            defaultPort: defaultPort,
            migrations: migrations,
            publicRoutes: { environment in try publicRoutes(environment) },
            readiness: { environment in SuiteReadiness(environment: environment).response() },
            middleware: { environment in
                let keys = try GatewayKeys.from(environment: environment.configuration.environment)
                return [SecurityHeadersMiddleware(), AuthenticationMiddleware(authenticator: Authenticator(keys: keys))]
            }
        )
    }

    static let migrations: [Migration] = []

    static func publicRoutes(_ environment: ServiceEnvironment) throws -> RouteCollection {
        let forwarder = Forwarder(environment: environment)
        var routes = RouteCollection()
        for route in AccessTable.routes {
            routes = routes.on(route.method, route.publicPath, bodyLimit: route.bodyLimit) { request, context in
                guard route.admits(context.principal, parameters: context.parameters) else {
                    if context.principal.role == .anonymous { throw HTTPError.unauthorized() }
                    throw HTTPError.forbidden()
                }
                let prefix = "/api/v1/\(route.service)"
                let rest = request.head.rawPath.dropFirst(prefix.count)
                let target = "/v1" + rest + (request.head.rawQuery.map { "?" + $0 } ?? "")
                return try forwarder.forward(request, to: route.service, path: target, context: context)
            }
        }
        return routes
    }
}
