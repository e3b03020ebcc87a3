import CSQLite
import FoundationEssentials
import Glibc
import Primitives

/// One SQLite connection, lent to a `Database.read` or `Database.write` closure.
///
/// Not Sendable: a connection belongs to one thread while its closure runs and must not be kept
/// after the closure returns. Using it outside that closure throws `SQLiteError.misuse`.
///
/// ```swift
/// let id = try db.write { connection in
///     try connection.run("INSERT INTO notes(body) VALUES (?)", body)
///     return connection.lastInsertRowID
/// }
/// ```
public final class Connection {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    /// BEGIN/COMMIT/ROLLBACK, kept apart so a closure cannot reuse them from `cache`.
    private var controlStatements: [String: Statement] = [:]
    /// Whether the authorizer lets BEGIN/COMMIT/ROLLBACK be prepared; false while lent.
    private var allowsTransactionControl = true
    private var savepointDepth = 0
    /// The thread running the closure this connection is lent to; nil while in the pool.
    private var owner: pthread_t?
    private var isClosed = false

    /// Past this many distinct SQL strings the cache starts over, bounding memory if a caller
    /// builds SQL dynamically (e.g. IN lists of varying length).
    static let statementCacheCapacity = 256

    /// Opens and configures a connection; a failed open or configuration closes the handle.
    init(path: String, role: ConnectionRole, options: DatabaseOptions) throws {
        handle = try ConnectionRole.open(path: path, role: role, options: options)
        installTransactionGuard()
    }

    deinit {
        close()
    }

    // MARK: - Public API

    /// Runs one or more `;`-separated statements without bindings (schema scripts, PRAGMAs).
    public func execute(_ sql: String) throws {
        try checkOwner(sql)
        try executeScript(sql)
    }

    /// Runs one statement with positional bindings, using a cached prepared statement.
    public func run(_ sql: String, _ bindings: any SQLBindable...) throws {
        try run(sql, bindings: bindings)
    }

    /// Runs one statement with positional bindings, using a cached prepared statement.
    public func run(_ sql: String, bindings: [any SQLBindable]) throws {
        try checkOwner(sql)
        try withStatement(sql, bindings.map(\.sqlValue)) { _ in true }
    }

    /// Runs a query and returns all rows.
    public func query(_ sql: String, _ bindings: any SQLBindable...) throws -> [Row] {
        try query(sql, bindings: bindings)
    }

    /// Runs a query and returns all rows.
    public func query(_ sql: String, bindings: [any SQLBindable]) throws -> [Row] {
        try checkOwner(sql)
        var rows: [Row] = []
        try withStatement(sql, bindings.map(\.sqlValue)) { row in
            rows.append(row)
            return true
        }
        return rows
    }

    /// Runs a query and returns its first row, or nil; stops stepping after that row.
    public func queryOne(_ sql: String, _ bindings: any SQLBindable...) throws -> Row? {
        try queryOne(sql, bindings: bindings)
    }

    /// Runs a query and returns its first row, or nil; stops stepping after that row.
    public func queryOne(_ sql: String, bindings: [any SQLBindable]) throws -> Row? {
        try checkOwner(sql)
        var first: Row?
        try withStatement(sql, bindings.map(\.sqlValue)) { row in
            first = row
            return false
        }
        return first
    }

    /// The first column of the first row decoded as `T`; nil when there is no row or it is NULL.
    public func scalar<T: SQLReadable>(
        _ sql: String, _ bindings: any SQLBindable..., as type: T.Type = T.self
    ) throws -> T? {
        try scalar(sql, bindings: bindings, as: type)
    }

    /// The first column of the first row decoded as `T`; nil when there is no row or it is NULL.
    public func scalar<T: SQLReadable>(_ sql: String, bindings: [any SQLBindable], as type: T.Type = T.self) throws
        -> T?
    {
        guard let first = try queryOne(sql, bindings: bindings) else { return nil }
        return try first.get(0, as: T?.self)
    }

    /// Streams rows to `body` one at a time without collecting them; an error from `body` stops
    /// the query and is rethrown.
    public func forEachRow(_ sql: String, bindings: [any SQLBindable], _ body: (Row) throws -> Void) throws {
        try checkOwner(sql)
        try withStatement(sql, bindings.map(\.sqlValue)) { row in
            try body(row)
            return true
        }
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside a SAVEPOINT: released on success, rolled back to on throw (then rethrown).
    /// Savepoints nest; an inner rollback leaves the outer work intact
    /// (https://www.sqlite.org/lang_savepoint.html).
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try checkOwner(nil)
        return try withSavepoint(body)
    }

    // MARK: - Used by Database

    /// Marks the connection as belonging to the calling thread until `reclaim()`.
    func lend() {
        owner = pthread_self()
        allowsTransactionControl = false
    }

    /// Takes the connection back; further use by a kept reference throws.
    func reclaim() {
        owner = nil
        allowsTransactionControl = true
    }

    /// True when no transaction is open — also after SQLite rolled one back on its own
    /// (https://www.sqlite.org/c3ref/get_autocommit.html).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Runs one statement without the owner check (transaction control inside the store).
    func runInternal(_ sql: String, _ values: [SQLValue] = []) throws {
        try withStatement(sql, values) { _ in true }
    }

    /// Runs BEGIN, COMMIT or ROLLBACK for the store itself, past the transaction guard.
    func control(_ sql: String) throws {
        let allowed = allowsTransactionControl
        allowsTransactionControl = true
        defer { allowsTransactionControl = allowed }
        let statement: Statement
        if let cached = controlStatements[sql] {
            statement = cached
        } else {
            statement = try Statement(connection: handle, sql: sql, persistent: true)
            controlStatements[sql] = statement
        }
        try statement.execute([]) { _ in true }
    }

    /// Rolls back if a transaction is still open; errors are ignored because the caller is
    /// already reporting the error that made it roll back.
    func rollbackIfActive() {
        guard !isAutocommit else { return }
        try? control("ROLLBACK")
    }

    /// A savepoint without the owner check.
    func withSavepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "zapleczeSavepoint\(savepointDepth)"
        try runInternal("SAVEPOINT \(name)")
        do {
            let value = try body()
            try runInternal("RELEASE \(name)")
            return value
        } catch {
            // If SQLite already rolled back the whole transaction the savepoint is gone.
            if !isAutocommit {
                try? runInternal("ROLLBACK TO \(name)")
                try? runInternal("RELEASE \(name)")
            }
            throw error
        }
    }

    /// Runs a script through sqlite3_exec, which handles several statements in one string.
    func executeScript(_ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError(connection: handle, sql: sql)
        }
    }

    /// Finalises cached statements and closes the handle. `sqlite3_close_v2` defers the close
    /// until any statement still referenced elsewhere is finalised
    /// (https://www.sqlite.org/c3ref/close.html).
    func close() {
        guard !isClosed else { return }
        isClosed = true
        cache.removeAll()
        controlStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: - Private

    /// Denies BEGIN/COMMIT/ROLLBACK prepared by a closure: the store owns the transaction, and a
    /// closure ending it would commit other writes of its group-commit batch half-done. The
    /// authorizer runs when a statement is prepared (https://www.sqlite.org/c3ref/set_authorizer.html),
    /// always on the thread using the connection.
    private func installTransactionGuard() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            handle,
            { context, action, _, _, _, _ in
                guard action == SQLITE_TRANSACTION, let context else { return SQLITE_OK }
                let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
                return connection.allowsTransactionControl ? SQLITE_OK : SQLITE_DENY
            }, context)
    }

    private func checkOwner(_ sql: String?) throws {
        guard !isClosed, let owner, pthread_equal(owner, pthread_self()) != 0 else {
            throw SQLiteError.misuse("connection used outside the read/write closure that received it", sql: sql)
        }
    }

    /// Uses the cached statement for `sql`, or a fresh one if that is mid-step (a nested query
    /// with the same SQL inside `forEachRow`).
    private func withStatement(_ sql: String, _ values: [SQLValue], _ body: (Row) throws -> Bool) throws {
        let statement: Statement
        if let cached = cache[sql] {
            statement = cached.isInUse ? try Statement(connection: handle, sql: sql, persistent: false) : cached
        } else {
            statement = try Statement(connection: handle, sql: sql, persistent: true)
            if cache.count >= Connection.statementCacheCapacity { cache.removeAll() }
            cache[sql] = statement
        }
        statement.isInUse = true
        defer { statement.isInUse = false }
        try statement.execute(values, body)
    }
}

/// Connections are confined to one thread at a time by the pool; never share one across threads.
@available(*, unavailable)
extension Connection: Sendable {}
