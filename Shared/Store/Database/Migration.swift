/// One identified schema change, applied once and recorded in `schema_migrations`.
///
/// ```swift
/// try db.migrate([
///     Migration("001_customers", "CREATE TABLE customers(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)"),
///     Migration("002_backfill") { connection in try connection.run("UPDATE customers SET email = lower(email)") },
/// ])
/// ```
/// Ids are never reused or edited once shipped: the id is what marks a migration as applied.
public struct Migration: Sendable {
    /// The unique, stable identifier recorded when the migration is applied.
    public let id: String
    let apply: @Sendable (Connection) throws -> Void

    /// A migration given as an SQL script (several `;`-separated statements are fine).
    public init(_ id: String, _ sql: String) {
        self.id = id
        self.apply = { connection in try connection.execute(sql) }
    }

    /// A migration given as code, run with the writer connection inside the migration's transaction.
    public init(_ id: String, _ apply: @escaping @Sendable (Connection) throws -> Void) {
        self.id = id
        self.apply = apply
    }
}
