/// A value as SQLite stores it: one of its five storage classes.
///
/// See https://www.sqlite.org/datatype3.html#storage_classes_and_datatypes — every value in an
/// SQLite database is NULL, INTEGER (64-bit signed), REAL (IEEE double), TEXT (here UTF-8) or BLOB.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// Whether this is SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The storage class name as SQLite spells it (`typeof()`), used in error messages instead of
    /// the value itself so that no stored data leaks into logs.
    public var storageClass: String {
        switch self {
        case .null: return "NULL"
        case .integer: return "INTEGER"
        case .real: return "REAL"
        case .text: return "TEXT"
        case .blob: return "BLOB"
        }
    }
}
