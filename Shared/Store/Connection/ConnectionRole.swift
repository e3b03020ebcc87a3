import CSQLite

/// What a connection is for, which decides how it is opened and configured.
enum ConnectionRole {
    /// The single connection that writes; it also switches the file to WAL.
    case writer
    /// A pooled connection that only reads (`PRAGMA query_only`).
    case reader
    /// The connection that copies the WAL into the database file; it runs no transactions.
    case checkpointer

    /// Opens a configured handle; on any failure the handle is closed before the error is thrown.
    ///
    /// SQLITE_OPEN_NOMUTEX selects multi-thread mode, in which "SQLite can be safely used by
    /// multiple threads provided that no single database connection … is used simultaneously in
    /// two or more threads" (https://www.sqlite.org/threadsafe.html). The pool lends each
    /// connection to one thread at a time, so SQLite's per-connection mutex would be pure cost.
    static func open(path: String, role: ConnectionRole, options: DatabaseOptions) throws -> OpaquePointer {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        // Only the writer, opened first, may create the file; a reader finding none is a bug.
        if role == .writer { flags |= SQLITE_OPEN_CREATE }
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard let handle = opened else {
            throw SQLiteError(resultCode: code, message: "cannot open \(path): out of memory")
        }
        do {
            guard code == SQLITE_OK else {
                throw SQLiteError(connection: handle, sql: nil).prefixed("cannot open \(path)")
            }
            try configure(handle, role: role, options: options)
            return handle
        } catch {
            // "Whether or not an error occurs when it is opened, resources associated with the
            // database connection handle should be released by passing it to sqlite3_close()"
            // (https://www.sqlite.org/c3ref/open.html).
            sqlite3_close_v2(handle)
            throw error
        }
    }

    // MARK: - Private

    private static func configure(_ handle: OpaquePointer, role: ConnectionRole, options: DatabaseOptions) throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(clamping: options.busyTimeoutMilliseconds))
        if role == .writer {
            // WAL is persistent in the file, so the writer sets it once for every connection.
            // Readers then never block the writer nor wait for it (https://www.sqlite.org/wal.html).
            let mode = try pragma(handle, "PRAGMA journal_mode=WAL")
            guard mode.lowercased() == "wal" else {
                throw SQLiteError(
                    resultCode: SQLITE_CANTOPEN, message: "WAL mode unavailable (journal_mode is \(mode))",
                    sql: "PRAGMA journal_mode=WAL")
            }
        }
        // Both are per connection and reset on every open, so each connection sets them.
        try exec(handle, "PRAGMA foreign_keys=ON")
        try exec(handle, "PRAGMA synchronous=\(options.synchronous.rawValue)")
        if role == .reader { try exec(handle, "PRAGMA query_only=ON") }
        // The writer leaves checkpoints to the `Checkpointer` (its thread, and the writer's turn ends).
        if role == .writer { try exec(handle, "PRAGMA wal_autocheckpoint=0") }
    }

    private static func exec(_ handle: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
            throw SQLiteError(connection: handle, sql: sql)
        }
    }

    /// Runs a PRAGMA that answers with one text value.
    private static func pragma(_ handle: OpaquePointer, _ sql: String) throws -> String {
        let statement = try Statement(connection: handle, sql: sql, persistent: false)
        var answer = ""
        try statement.execute([]) { row in
            if case .text(let text) = row[0] { answer = text }
            return false
        }
        return answer
    }
}
