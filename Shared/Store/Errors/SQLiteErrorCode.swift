import CSQLite

/// A pattern over SQLite result codes, so that errors can be caught by kind:
///
/// ```swift
/// do { try db.write { try $0.run("INSERT INTO codes(code) VALUES (?)", code) } }
/// catch SQLiteError.constraintUnique { /* already taken */ }
/// ```
public struct SQLiteErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The primary result code that must match.
    public let resultCode: Int32
    /// Extended codes of which one must match; empty means any code under `resultCode`.
    public let extendedCodes: [Int32]

    /// Creates a pattern; leave `extendedCodes` empty to match the whole primary code.
    public init(resultCode: Int32, extendedCodes: [Int32] = []) {
        self.resultCode = resultCode
        self.extendedCodes = extendedCodes
    }

    /// Whether the error has this pattern's primary code and, if any are listed, one of its extended codes.
    public func matches(_ error: SQLiteError) -> Bool {
        guard error.resultCode == resultCode else { return false }
        return extendedCodes.isEmpty || extendedCodes.contains(error.extendedCode)
    }

    /// The codes this pattern matches, for diagnostics.
    public var description: String {
        extendedCodes.isEmpty ? "SQLite code \(resultCode)" : "SQLite codes \(extendedCodes)"
    }

    /// Lets `catch SQLiteError.constraintUnique` match any thrown error.
    public static func ~= (pattern: SQLiteErrorCode, error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return pattern.matches(error)
    }

    /// Lets `switch sqliteError { case SQLiteError.busy: … }` match a typed error.
    public static func ~= (pattern: SQLiteErrorCode, error: SQLiteError) -> Bool {
        pattern.matches(error)
    }
}

// MARK: - Named patterns

// Extended codes are macros built with `|` and `<<` that Swift does not import, so their values
// are spelled out here from https://www.sqlite.org/rescode.html#extrc.
extension SQLiteError {
    static let extendedConstraintCheck: Int32 = 275
    static let extendedConstraintForeignKey: Int32 = 787
    static let extendedConstraintNotNull: Int32 = 1299
    static let extendedConstraintPrimaryKey: Int32 = 1555
    static let extendedConstraintUnique: Int32 = 2067
    static let extendedAbortRollback: Int32 = 516

    /// Any constraint violation.
    public static let constraint = SQLiteErrorCode(resultCode: SQLITE_CONSTRAINT)
    /// The row already exists: a UNIQUE or a PRIMARY KEY constraint failed (both mean "duplicate").
    public static let constraintUnique = SQLiteErrorCode(
        resultCode: SQLITE_CONSTRAINT, extendedCodes: [extendedConstraintUnique, extendedConstraintPrimaryKey])
    /// A PRIMARY KEY constraint failed (also matched by `constraintUnique`).
    public static let constraintPrimaryKey = SQLiteErrorCode(
        resultCode: SQLITE_CONSTRAINT, extendedCodes: [extendedConstraintPrimaryKey])
    /// A FOREIGN KEY constraint failed.
    public static let constraintForeignKey = SQLiteErrorCode(
        resultCode: SQLITE_CONSTRAINT, extendedCodes: [extendedConstraintForeignKey])
    /// A NOT NULL constraint failed.
    public static let constraintNotNull = SQLiteErrorCode(
        resultCode: SQLITE_CONSTRAINT, extendedCodes: [extendedConstraintNotNull])
    /// A CHECK constraint failed.
    public static let constraintCheck = SQLiteErrorCode(
        resultCode: SQLITE_CONSTRAINT, extendedCodes: [extendedConstraintCheck])
    /// Another connection held a lock for longer than the busy timeout.
    public static let busy = SQLiteErrorCode(resultCode: SQLITE_BUSY)
    /// The store was misused: closed database, nested transaction, wrong number of bindings, …
    public static let misuse = SQLiteErrorCode(resultCode: SQLITE_MISUSE)
    /// A column value could not be decoded as the requested type.
    public static let mismatch = SQLiteErrorCode(resultCode: SQLITE_MISMATCH)
}
