import HTTP
import Store

/// The change a route makes to the database, prepared by its handler once the request is
/// decoded, checked and authorised, and run by the route's registration
/// (`RouteCollection.on(_:writingTo:clock:use:)`) in one write transaction: beside the stored answer
/// when the route is declared `idempotent`, so a retried request changes nothing twice.
///
/// ```swift
/// .on(LoyaltyRoutes.adjust, writingTo: database, clock: clock, use: adjust)
///
/// @Sendable func adjust(_ request: HTTPRequest, _ context: RequestContext) throws -> RouteWrite {
///     let adjustment = try request.decode(PointsAdjustmentRequest.self)
///     return RouteWrite { connection in
///         try .json(adjustments.apply(adjustment, in: connection), status: .created)
///     }
/// }
/// ```
///
/// The handler decodes and checks before it returns, outside the transaction: a malformed body
/// is refused without holding the write lock and without being stored under the request's
/// `Idempotency-Key`, so the caller may fix the body and retry with the same key.
public struct RouteWrite {
    /// The change and its answer, run inside the write transaction.
    let change: (Connection) throws -> HTTPResponse
    /// What to do once the transaction has committed, with the answer (a replayed one too).
    let committed: (HTTPResponse) -> Void

    /// A change run in the registration's transaction; `committed` runs after the commit (to
    /// wake the outbox for the mail the change queued, say).
    public init(
        _ change: @escaping (Connection) throws -> HTTPResponse, committed: @escaping (HTTPResponse) -> Void = { _ in }
    ) {
        self.change = change
        self.committed = committed
    }
}

/// A handler that prepares its route's change rather than making it: see `RouteWrite`.
public typealias WriteRouteHandler = @Sendable (HTTPRequest, RequestContext) throws -> RouteWrite
