import CSQLite

/// An error reported by SQLite, or by this store when it is misused or a column cannot be decoded.
///
/// The description carries the codes, SQLite's message and the SQL text, but never bound values:
/// SQL is always written with `?` placeholders, so logging an error cannot leak customer data.
/// Match it with a pattern: `catch SQLiteError.constraintUnique { … }`, or test
/// `error.isUniqueViolation`.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (https://www.sqlite.org/rescode.html#primary_result_code_list).
    public let resultCode: Int32
    /// The extended result code; equals `resultCode` when SQLite gave no extended detail.
    public let extendedCode: Int32
    /// SQLite's English message (`sqlite3_errmsg`) or this store's own explanation.
    public let message: String
    /// The SQL being run, with `?` placeholders; nil when no statement was involved.
    public let sql: String?

    /// Creates an error; `extendedCode` defaults to the primary code.
    public init(resultCode: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.extendedCode = extendedCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    /// One line: codes, message and SQL; bound values are never part of it.
    public var description: String {
        var text = "SQLite error \(resultCode)"
        if extendedCode != resultCode { text += " (extended \(extendedCode))" }
        text += ": \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }

    /// A UNIQUE or PRIMARY KEY constraint failed: the row already exists.
    public var isUniqueViolation: Bool { SQLiteError.constraintUnique.matches(self) }
    /// The database was locked by another connection for longer than the busy timeout.
    public var isBusy: Bool { resultCode == SQLITE_BUSY }
    /// Any constraint failed: UNIQUE, PRIMARY KEY, NOT NULL, CHECK, FOREIGN KEY, …
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
}

// MARK: - Construction inside the store

extension SQLiteError {
    /// Reads the current error of a connection. Must run on the thread that made the failing call,
    /// before any other call on that connection (https://www.sqlite.org/c3ref/errcode.html).
    init(connection handle: OpaquePointer?, sql: String?) {
        let extended = sqlite3_extended_errcode(handle)
        let message = sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
        self.init(resultCode: extended & 0xFF, extendedCode: extended, message: message, sql: sql)
    }

    /// The store was used against its rules (closed database, nested transaction, bad options).
    static func misuse(_ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(resultCode: SQLITE_MISUSE, message: message, sql: sql)
    }

    /// A value could not be read as the requested Swift type; names types, never the value.
    static func mismatch(found: SQLValue, expected: Any.Type) -> SQLiteError {
        SQLiteError(resultCode: SQLITE_MISMATCH, message: "cannot read \(found.storageClass) as \(expected)")
    }

    /// The same error with `context` put in front of the message (a column or migration name).
    func prefixed(_ context: String) -> SQLiteError {
        SQLiteError(resultCode: resultCode, extendedCode: extendedCode, message: "\(context): \(message)", sql: sql)
    }
}
