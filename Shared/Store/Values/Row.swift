/// One result row: column names and values, detached from the statement that produced it.
///
/// ```swift
/// for row in try connection.query("SELECT id, email FROM customers WHERE id > ?", lastID) {
///     let id: Int64 = try row.get("id")
///     let email = try row.get("email", as: String.self)
/// }
/// ```
public struct Row: Sendable {
    /// Column names in result order, shared by all rows of one query.
    public let columnNames: [String]
    /// Values in result order.
    public let values: [SQLValue]

    /// Creates a row; `columnNames` and `values` must have the same length.
    public init(columnNames: [String], values: [SQLValue]) {
        self.columnNames = columnNames
        self.values = values
    }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value of the named column, or NULL if there is no such column.
    public subscript(_ column: String) -> SQLValue {
        guard let index = index(of: column) else { return .null }
        return values[index]
    }

    /// The value at a zero-based index, or NULL if the index is out of range.
    public subscript(_ index: Int) -> SQLValue {
        values.indices.contains(index) ? values[index] : .null
    }

    /// The named column decoded as `T`; throws a mismatch error naming the column on NULL (for a
    /// non-optional `T`), a wrong storage class or an unknown column.
    public func get<T: SQLReadable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = index(of: column) else {
            throw SQLiteError(
                resultCode: SQLiteError.mismatch.resultCode, message: "no column \"\(column)\" in the result")
        }
        return try decode(values[index], as: type, context: "column \"\(column)\"")
    }

    /// The column at a zero-based index decoded as `T`; throws like `get(_:as:)` with a name.
    public func get<T: SQLReadable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw SQLiteError(
                resultCode: SQLiteError.mismatch.resultCode,
                message: "column index \(index) out of range 0..<\(values.count)")
        }
        let name = columnNames.indices.contains(index) ? columnNames[index] : ""
        return try decode(values[index], as: type, context: "column \(index) \"\(name)\"")
    }

    // MARK: - Private

    /// Exact name first; then ASCII case-insensitively, as SQLite itself treats identifiers.
    private func index(of column: String) -> Int? {
        if let exact = columnNames.firstIndex(of: column) { return exact }
        let folded = column.lowercased()
        return columnNames.firstIndex { $0.lowercased() == folded }
    }

    private func decode<T: SQLReadable>(_ value: SQLValue, as type: T.Type, context: String) throws -> T {
        do {
            return try T(sqlValue: value)
        } catch let error as SQLiteError {
            throw error.prefixed(context)
        } catch {
            // A conforming type threw its own error: keep its text, but name the column.
            throw SQLiteError(resultCode: SQLiteError.mismatch.resultCode, message: "\(context): \(error)")
        }
    }
}
