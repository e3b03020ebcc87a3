import Contract
import HTTP
import Primitives
import Store

/// The privacy contract's two routes for a service (`PrivacyRoutes`): each service says what it
/// holds about a person and how it anonymizes them; the routes, the transaction and the checks
/// are the same everywhere.
///
/// ```swift
/// .include(PrivacyEndpoints.routes(service: name, database: database, clock: clock,
///     subject: { customerId, connection in ["reviews": …] },
///     erase: { erasure, connection in /* UPDATE …; */ changedRows }))
/// ```
public enum PrivacyEndpoints {
    /// What a service holds about `customerId`, read in one transaction: kind → records.
    public typealias Subject = @Sendable (CustomerId, Connection) throws -> [String: JSONValue]
    /// Anonymizes the person in the caller's write transaction; returns the records changed
    /// (0 on a repeat).
    public typealias Erase = @Sendable (SubjectErasure, Connection) throws -> Int64

    public static func routes(
        service: String, database: Database, clock: WallClock, subject: @escaping Subject, erase: @escaping Erase
    ) -> RouteCollection {
        RouteCollection()
            .on(PrivacyRoutes.subject) { _, context in
                let customerId = try context.parameters.require("customerId", as: CustomerId.self)
                let holds = try database.read { try subject(customerId, $0) }
                return try .json(PrivacySubject(service: service, customerId: customerId, holds: holds))
            }
            .on(PrivacyRoutes.erase, writingTo: database, clock: clock) { request, _ in
                let erasure = try request.decode(SubjectErasure.self)
                try ValidationFailure.check(
                    ReferenceId.isValid(erasure.erasureId)
                        ? [] : [ValidationProblem(field: "erasureId", message: ReferenceIdKind.rule(for: "erasureId"))])
                return RouteWrite { connection in
                    let changed = try erase(erasure, connection)
                    return try .json(
                        SubjectErasureOutcome(service: service, erasureId: erasure.erasureId, anonymized: changed))
                }
            }
    }
}
