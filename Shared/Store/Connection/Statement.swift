import CSQLite

/// A prepared statement, finalised when the last reference goes.
///
/// Owned by one `Connection` and used on one thread at a time. After each use it is reset and its
/// bindings cleared, so a cached statement never holds a read transaction open or keeps a bound
/// value alive (https://www.sqlite.org/c3ref/reset.html).
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer
    /// True while a step loop is running; a nested use of the same SQL then prepares a fresh copy.
    var isInUse = false

    /// Prepares exactly one statement; trailing text may only be whitespace or comments.
    ///
    /// `persistent` passes SQLITE_PREPARE_PERSISTENT, the hint for statements kept in a cache
    /// (https://www.sqlite.org/c3ref/c_prepare_normalize.html).
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        self.connection = connection
        self.sql = sql
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var prepared: OpaquePointer?
        let trailing: Bool = try sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &prepared, &tail)
            guard code == SQLITE_OK else {
                sqlite3_finalize(prepared)
                throw SQLiteError(connection: connection, sql: sql)
            }
            return try Statement.hasStatement(after: tail, connection: connection)
        }
        guard let prepared else { throw SQLiteError.misuse("empty statement", sql: sql) }
        guard !trailing else {
            sqlite3_finalize(prepared)
            throw SQLiteError.misuse("more than one statement; use execute() for scripts without bindings", sql: sql)
        }
        self.handle = prepared
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding

    /// Binds positional values; the count must equal the number of placeholders.
    func bind(_ values: [SQLValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(
                resultCode: SQLITE_RANGE, message: "expected \(expected) bindings, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError(connection: connection, sql: sql) }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // Byte length, not NUL-terminated: text may legally contain U+0000.
            var text = text
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text64(handle, index, "", 0, zapleczeSQLiteTransient(), UInt8(SQLITE_UTF8))
                }
                let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text64(
                    handle, index, chars, UInt64(bytes.count), zapleczeSQLiteTransient(), UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            // A NULL pointer would bind SQL NULL (https://www.sqlite.org/c3ref/bind_blob.html),
            // so an empty blob is bound as a zero-length blob explicitly.
            guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob64(handle, index, raw.baseAddress, UInt64(raw.count), zapleczeSQLiteTransient())
            }
        }
    }

    // MARK: - Stepping

    /// Binds `values`, then steps, handing each row to `body` until it returns false or the
    /// statement is done. Always resets and clears bindings afterwards, also on error.
    func execute(_ values: [SQLValue], _ body: (Row) throws -> Bool) throws {
        defer { reset() }
        try bind(values)
        var names: [String]?
        while true {
            let code = sqlite3_step(handle)
            switch code & 0xFF {
            case SQLITE_ROW:
                let columnNames = names ?? columnNamesNow()
                names = columnNames
                guard try body(Row(columnNames: columnNames, values: currentValues(count: columnNames.count))) else {
                    return
                }
            case SQLITE_DONE:
                return
            default:
                throw SQLiteError(connection: connection, sql: sql)
            }
        }
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Private

    /// Names are read after the first step: a statement re-prepared after a schema change
    /// (`SELECT *`) may have different columns than at prepare time.
    private func columnNamesNow() -> [String] {
        let count = sqlite3_column_count(handle)
        return (0..<count).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    private func currentValues(count: Int) -> [SQLValue] {
        (0..<Int32(count)).map(value(at:))
    }

    /// Pointer first, then byte count: the order https://www.sqlite.org/c3ref/column_blob.html asks for.
    private func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let blob = sqlite3_column_blob(handle, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .blob([UInt8](UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }

    /// Whether `tail` holds another statement (not just whitespace, `;` or comments).
    private static func hasStatement(after tail: UnsafePointer<CChar>?, connection: OpaquePointer) throws -> Bool {
        guard let tail, tail.pointee != 0 else { return false }
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, tail, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        guard code == SQLITE_OK else { return true }
        return next != nil
    }
}
