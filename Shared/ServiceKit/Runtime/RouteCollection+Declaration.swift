import Contract
import HTTP

extension RouteCollection {
    /// Registers `handler` under `route`: its method, path and body limit, and a check of its roles
    /// (403 for a role it does not admit, or a customer reaching another customer's data) before
    /// the handler runs. `path` is relative to where the collection is mounted (`/v1`).
    public func on<Request, Response>(
        _ route: RouteSpec<Request, Response>, use handler: @escaping RouteHandler
    ) -> RouteCollection {
        on(route.declaration, use: handler)
    }

    /// Registers `handler` under an untyped declaration; see `on(_:use:)`.
    public func on(_ declaration: RouteDeclaration, use handler: @escaping RouteHandler) -> RouteCollection {
        on(declaration.method, declaration.path, bodyLimit: declaration.bodyLimit) { request, context in
            try declaration.authorize(context.principal, parameters: context.parameters)
            return try handler(request, context)
        }
    }
}
