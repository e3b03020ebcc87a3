/// Writes RFC 4180 CSV that is also safe to open in a spreadsheet.
///
/// ```swift
/// let csv = CSVWriter(header: ["customer", "points"])
/// var file = csv.headerLine
/// file += csv.row(["Łucja Nowak", "-10"])
/// ```
///
/// Quoting (RFC 4180 §2): a field containing a comma, double quote, CR or LF is enclosed in
/// double quotes and its quotes are doubled; lines end in CRLF.
///
/// Formula injection (OWASP "CSV Injection"): spreadsheets evaluate a cell starting with `=`,
/// `+`, `-` or `@` (and, in some, after a leading tab or CR) as a formula, so a customer named
/// `=HYPERLINK(…)` could run code on the reader's machine. Such fields get a leading `'`, which
/// spreadsheets show as text. Plain negative numbers (`-10`, `-10.5`, `-10,50`) are left alone so
/// amounts stay numeric; anything longer (`-1+2`, `-2e3`) is prefixed. Machine-read exports can
/// turn this off with `neutralizeFormulas: false`.
public struct CSVWriter: Sendable {
    /// The column names.
    public let header: [String]
    /// Whether formula-looking fields get a leading `'`.
    public let neutralizeFormulas: Bool

    /// Creates a writer for the given columns.
    public init(header: [String], neutralizeFormulas: Bool = true) {
        self.header = header
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// The encoded header line, CRLF-terminated.
    public var headerLine: [UInt8] { row(header) }

    /// One encoded record, CRLF-terminated. Rows may have a different field count than the
    /// header; the caller decides whether that is meaningful.
    public func row(_ fields: [String]) -> [UInt8] {
        // A lone empty field would be a blank line, which readers (ours included) skip; `""`
        // keeps the record.
        if fields == [""] { return Array("\"\"\r\n".utf8) }
        var output: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            encode(field, into: &output)
        }
        output += [0x0D, 0x0A]
        return output
    }

    /// The text of a whole file: header line followed by every row.
    public func document(_ rows: [[String]]) -> [UInt8] {
        rows.reduce(into: headerLine) { $0 += row($1) }
    }

    // MARK: - Fields

    private func encode(_ field: String, into output: inout [UInt8]) {
        var bytes = Array(field.utf8)
        if neutralizeFormulas, Self.looksLikeFormula(bytes) {
            bytes.insert(UInt8(ascii: "'"), at: 0)
        }
        let needsQuotes = bytes.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
        }
        guard needsQuotes else {
            output += bytes
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            output.append(byte)
            if byte == UInt8(ascii: "\"") { output.append(byte) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// True for a field a spreadsheet might evaluate, except plain negative numbers.
    static func looksLikeFormula(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D:
            return true
        case UInt8(ascii: "-"):
            return !isPlainNegativeNumber(bytes)
        default:
            return false
        }
    }

    /// Matches `-digits` with at most one `.` or `,` followed by more digits.
    private static func isPlainNegativeNumber(_ bytes: [UInt8]) -> Bool {
        var digitsBefore = 0
        var digitsAfter = 0
        var seenSeparator = false
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenSeparator { digitsAfter += 1 } else { digitsBefore += 1 }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenSeparator else { return false }
                seenSeparator = true
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!seenSeparator || digitsAfter > 0)
    }
}
