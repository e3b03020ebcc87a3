import Contract
import HTTP
import Store

extension RouteCollection {
    /// Registers `handler` under `route`: its method, path and body limit, and a check of its roles
    /// (403 for a role it does not admit, or a customer reaching another customer's data) before
    /// the handler runs. `path` is relative to where the collection is mounted (`/v1`).
    public func on<Request, Response>(
        _ route: RouteSpec<Request, Response>, use handler: @escaping RouteHandler
    ) -> RouteCollection {
        on(route.declaration, use: handler)
    }

    /// Registers `handler` under an untyped declaration; see `on(_:use:)`. An `idempotent` route
    /// is registered with `on(_:writingTo:clock:use:)`, which honours its `Idempotency-Key` (or,
    /// when its work spans transactions, `on(_:claimingKey:)`).
    public func on(_ declaration: RouteDeclaration, use handler: @escaping RouteHandler) -> RouteCollection {
        precondition(
            !declaration.idempotent,
            "\(declaration.method) \(declaration.path) is declared idempotent: register it with on(_:writingTo:clock:use:)"
        )
        return authorized(declaration, use: handler)
    }

    /// Registers a route that changes `database`: `handler` decodes, checks and prepares the
    /// change (`RouteWrite`), and the registration runs it in one write transaction. When the
    /// route is declared `idempotent`, the transaction also stores the answer under the
    /// request's `Idempotency-Key` and a repeat is answered from it (`Idempotency.perform`), dated
    /// by `clock`, the service's.
    public func on<Request, Response>(
        _ route: RouteSpec<Request, Response>, writingTo database: Database, clock: WallClock,
        use handler: @escaping WriteRouteHandler
    ) -> RouteCollection {
        let idempotent = route.declaration.idempotent
        return authorized(route.declaration) { request, context in
            let write = try handler(request, context)
            let response =
                idempotent
                ? try Idempotency.perform(
                    request, context: context, database: database, clock: clock, write.change)
                : try database.write { try write.change($0) }
            write.committed(response)
            return response
        }
    }

    /// Registers an `idempotent` route whose work spans several transactions (it calls another
    /// service between them), so that no one transaction can hold its answer: the registration
    /// reads the request's `Idempotency-Key` (400 for a bad one) and `handler` stores its answer
    /// under the claim as its work goes (`Idempotency.Claim`).
    public func on<Request, Response>(
        _ route: RouteSpec<Request, Response>, claimingKey handler: @escaping ClaimingRouteHandler
    ) -> RouteCollection {
        precondition(
            route.declaration.idempotent,
            "\(route.declaration.method) \(route.declaration.path) is not declared idempotent: register it with on(_:use:)"
        )
        return authorized(route.declaration) { request, context in
            try handler(request, context, try Idempotency.claim(of: request, context: context))
        }
    }

    /// The route's method, path and body limit, with its roles checked before `handler` runs.
    private func authorized(_ declaration: RouteDeclaration, use handler: @escaping RouteHandler) -> RouteCollection {
        on(declaration.method, declaration.path, bodyLimit: declaration.bodyLimit) { request, context in
            try declaration.authorize(context.principal, parameters: context.parameters)
            return try handler(request, context)
        }
    }
}

/// The handler of an idempotent route that keeps its answer under the request's claim itself
/// (nil without an `Idempotency-Key`): see `RouteCollection.on(_:claimingKey:)`.
public typealias ClaimingRouteHandler =
    @Sendable (HTTPRequest, RequestContext, Idempotency.Claim?) throws -> HTTPResponse
