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

    /// The conflict an erasure answers when the pseudonym already holds a record the person's
    /// would have to merge into (a key both hold): nothing is changed.
    public static let pseudonymInUse = "pseudonym_in_use"

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
                try ValidationFailure.check(problems(of: erasure))
                return RouteWrite { connection in
                    let changed = try anonymize(erasure, in: connection, with: erase)
                    return try .json(
                        SubjectErasureOutcome(service: service, erasureId: erasure.erasureId, anonymized: changed))
                }
            }
    }

    /// What is wrong with an erasure order: its id breaks the rule of ids, or is so long that its
    /// pseudonym (`erased-<erasureId>`) would not be a customer id the services could store.
    static func problems(of erasure: SubjectErasure) -> [ValidationProblem] {
        guard ReferenceId.isValid(erasure.erasureId) else {
            return [ValidationProblem(field: "erasureId", message: ReferenceIdKind.rule(for: "erasureId"))]
        }
        guard CustomerId.isValid(erasure.pseudonym) else {
            let longest = CustomerIdKind.maxLength - (erasure.pseudonym.utf8.count - erasure.erasureId.utf8.count)
            return [
                ValidationProblem(
                    field: "erasureId",
                    message: "erasureId must be at most \(longest) characters: its pseudonym is a customerId.")
            ]
        }
        return []
    }

    /// Runs the service's `erase`; a person already known by the pseudonym changes nothing, and a
    /// key both the person and the pseudonym hold (SQLite's UNIQUE or PRIMARY KEY) is a 409 with
    /// the transaction rolled back, never a merge.
    static func anonymize(_ erasure: SubjectErasure, in connection: Connection, with erase: Erase) throws -> Int64 {
        guard erasure.customerId.text != erasure.pseudonym else { return 0 }
        do {
            return try erase(erasure, connection)
        } catch SQLiteError.constraintUnique {
            throw HTTPError.conflict(
                "Records of \(erasure.pseudonym) exist beside the person's under a key they would share; nothing was changed.",
                code: pseudonymInUse)
        }
    }

    // MARK: - Erasing

    /// Runs each statement (SQL and bindings) of an erasure in order; returns the rows they
    /// changed together.
    public static func changes(_ statements: [(sql: String, bindings: [any SQLBindable])], in connection: Connection)
        throws -> Int64
    {
        var changed: Int64 = 0
        for statement in statements {
            try connection.run(statement.sql, bindings: statement.bindings)
            changed += Int64(connection.changes)
        }
        return changed
    }

    // MARK: - Building a subject

    /// `value` as the JSON the service answers with (`JSONCoding`): one record of a subject.
    public static func record<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONCoding.decode(JSONValue.self, from: try JSONCoding.encode(value))
    }

    /// `values` as a JSON array, or nil when there are none (a kind the person has no records of
    /// is left out of the subject, so an unknown or erased person holds nothing).
    public static func records<T: Encodable>(_ values: [T]) throws -> JSONValue? {
        values.isEmpty ? nil : try record(values)
    }

    /// Every item of a keyset-paged read, `pageSize` at a time: `page(after, limit)` gives the
    /// items after the position `position` takes from the last item of the page before (nil for
    /// the first). A person's records are read through the service's own pages rather than one
    /// unbounded query.
    public static func all<Item, Position>(
        pageSize: Int = 500, _ page: (Position?, Int) throws -> [Item], position: (Item) -> Position
    ) rethrows -> [Item] {
        var items: [Item] = []
        var after: Position?
        while true {
            let next = try page(after, pageSize)
            items += next
            guard next.count == pageSize, let last = next.last else { return items }
            after = position(last)
        }
    }
}

extension SubjectErasure {
    /// How the services' histories name a customer acting for themselves: `customer:<id>`, as
    /// `Principal.description` writes it.
    public static func actor(_ customerId: String) -> String { "customer:" + customerId }

    /// The person's name as an actor, and the name that replaces it.
    public var actors: (person: String, pseudonym: String) { (Self.actor(customerId.text), Self.actor(pseudonym)) }
}
