import FoundationEssentials
import Glibc

/// A Swift value that can be read from a column.
///
/// ```swift
/// let email: String = try row.get("email")
/// let closedAt: Date? = try row.get("closed_at")
/// ```
/// Non-optional types throw on NULL; wrap them in `Optional` for nullable columns.
/// Decoding is strict: a TEXT column is never silently parsed as a number.
public protocol SQLReadable {
    /// Decodes a stored value, throwing `SQLiteError.mismatch` if it has the wrong storage class.
    init(sqlValue: SQLValue) throws
}

extension SQLValue: SQLReadable {
    /// Itself.
    public init(sqlValue: SQLValue) throws { self = sqlValue }
}

extension Int64: SQLReadable {
    /// From INTEGER, or from a REAL holding a whole number that fits.
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .integer(let value): self = value
        case .real(let value):
            guard let exact = Int64(exactly: value) else {
                throw SQLiteError.mismatch(found: sqlValue, expected: Int64.self)
            }
            self = exact
        default: throw SQLiteError.mismatch(found: sqlValue, expected: Int64.self)
        }
    }
}

extension Int: SQLReadable {
    /// As `Int64`, then checked to fit.
    public init(sqlValue: SQLValue) throws {
        guard let value = Int(exactly: try Int64(sqlValue: sqlValue)) else {
            throw SQLiteError.mismatch(found: sqlValue, expected: Int.self)
        }
        self = value
    }
}

extension Int32: SQLReadable {
    /// As `Int64`, then checked to fit: an out-of-range value throws instead of trapping.
    public init(sqlValue: SQLValue) throws {
        guard let value = Int32(exactly: try Int64(sqlValue: sqlValue)) else {
            throw SQLiteError.mismatch(found: sqlValue, expected: Int32.self)
        }
        self = value
    }
}

extension Double: SQLReadable {
    /// From REAL or INTEGER.
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: throw SQLiteError.mismatch(found: sqlValue, expected: Double.self)
        }
    }
}

extension Bool: SQLReadable {
    /// From INTEGER: zero is false, anything else true (SQLite's own truth rule).
    public init(sqlValue: SQLValue) throws {
        guard case .integer(let value) = sqlValue else {
            throw SQLiteError.mismatch(found: sqlValue, expected: Bool.self)
        }
        self = value != 0
    }
}

extension String: SQLReadable {
    /// From TEXT.
    public init(sqlValue: SQLValue) throws {
        guard case .text(let value) = sqlValue else {
            throw SQLiteError.mismatch(found: sqlValue, expected: String.self)
        }
        self = value
    }
}

extension Array: SQLReadable where Element == UInt8 {
    /// From BLOB.
    public init(sqlValue: SQLValue) throws {
        guard case .blob(let value) = sqlValue else {
            throw SQLiteError.mismatch(found: sqlValue, expected: [UInt8].self)
        }
        self = value
    }
}

extension Data: SQLReadable {
    /// From BLOB.
    public init(sqlValue: SQLValue) throws {
        guard case .blob(let value) = sqlValue else { throw SQLiteError.mismatch(found: sqlValue, expected: Data.self) }
        self = Data(value)
    }
}

extension Date: SQLReadable {
    /// From INTEGER milliseconds since 1970 (REAL milliseconds are accepted too).
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .integer(let milliseconds): self = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        case .real(let milliseconds): self = Date(timeIntervalSince1970: milliseconds / 1000)
        default: throw SQLiteError.mismatch(found: sqlValue, expected: Date.self)
        }
    }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    /// nil for NULL, else the wrapped type's decoding.
    public init(sqlValue: SQLValue) throws {
        self = sqlValue.isNull ? .none : .some(try Wrapped(sqlValue: sqlValue))
    }
}
