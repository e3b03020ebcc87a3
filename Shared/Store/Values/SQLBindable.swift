import FoundationEssentials
import Glibc

/// A Swift value that can be bound to a `?` placeholder.
///
/// ```swift
/// try connection.run("INSERT INTO notes(id, body, created_at) VALUES (?, ?, ?)", id, body, clock.date())
/// ```
/// Conform your own types (e.g. a `RawRepresentable` enum) by returning their stored form.
public protocol SQLBindable {
    /// The value as SQLite will store it.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    /// Itself.
    public var sqlValue: SQLValue { self }
}

extension Int64: SQLBindable {
    /// INTEGER.
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLBindable {
    /// INTEGER. `Int` is 64 bits on every platform we build for, so this cannot truncate.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int32: SQLBindable {
    /// INTEGER.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Double: SQLBindable {
    /// REAL. SQLite turns NaN into NULL (https://www.sqlite.org/floatingpoint.html).
    public var sqlValue: SQLValue { .real(self) }
}

extension Bool: SQLBindable {
    /// INTEGER 1 or 0: SQLite has no boolean type (https://www.sqlite.org/datatype3.html#boolean_datatype).
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension String: SQLBindable {
    /// TEXT, UTF-8.
    public var sqlValue: SQLValue { .text(self) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// BLOB.
    public var sqlValue: SQLValue { .blob(self) }
}

extension Data: SQLBindable {
    /// BLOB.
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
}

extension Date: SQLBindable {
    /// INTEGER milliseconds since 1970-01-01 UTC, rounded to the nearest millisecond so that a
    /// date read back and written again keeps its value. Out-of-range dates saturate.
    public var sqlValue: SQLValue { .integer(Date.milliseconds(from: self)) }

    static func milliseconds(from date: Date) -> Int64 {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if let exact = Int64(exactly: milliseconds) { return exact }
        if milliseconds.isNaN { return 0 }
        return milliseconds < 0 ? Int64.min : Int64.max
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// NULL for nil, else the wrapped value.
    public var sqlValue: SQLValue {
        switch self {
        case .none: return .null
        case .some(let wrapped): return wrapped.sqlValue
        }
    }
}
