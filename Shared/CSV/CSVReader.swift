/// Why CSV text could not be read; `line` is the 1-based physical line where the problem is.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quoted field is still open at the end of the text; `line` is where it opened.
    case unterminatedQuote(line: Int)
    /// Something other than a comma or line break follows a closing quote (`"ab"c`).
    case unexpectedCharacterAfterQuote(line: Int)
    /// The text has more than `limit` records (the header counts as one).
    case tooManyRows(limit: Int, line: Int)

    /// A one-line account for users and logs.
    public var description: String {
        switch self {
        case .unterminatedQuote(let line): "line \(line): quoted field is never closed"
        case .unexpectedCharacterAfterQuote(let line): "line \(line): unexpected character after closing quote"
        case .tooManyRows(let limit, let line): "line \(line): more than \(limit) rows"
        }
    }
}

/// Reads RFC 4180 CSV into rows of fields.
///
/// ```swift
/// let rows = try CSVReader.parse("name,points\r\n\"Nowak, Jan\",10\r\n")
/// // [["name", "points"], ["Nowak, Jan", "10"]]
/// ```
///
/// Accepts CRLF, LF or lone CR line breaks, a leading UTF-8 byte-order mark (Excel writes one),
/// quoted fields spanning lines, and `""` inside quotes. Lenient where it is harmless: a quote
/// inside an unquoted field is kept as a character, and the last line may lack a line break.
/// Completely empty lines are skipped rather than read as one empty field (`CSVWriter` writes
/// such a record as `""`). Strict where data could be misread: an unclosed quote or text after
/// a closing quote is an error with its line.
/// A leading `'` added by `CSVWriter` is not removed: it is data once written.
public enum CSVReader {
    /// Parses the whole text; throws `CSVError` rather than guess.
    public static func parse(_ text: String, maxRows: Int = 100_000) throws(CSVError) -> [[String]] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var parser = Parser(bytes: bytes, maxRows: maxRows)
        return try parser.run()
    }

    /// The parser state: one pass over the bytes, fields collected as bytes and decoded once.
    private struct Parser {
        let bytes: [UInt8]
        let maxRows: Int
        var index = 0
        var line = 1
        var rows: [[String]] = []

        init(bytes: [UInt8], maxRows: Int) {
            self.bytes = bytes
            self.maxRows = maxRows
        }

        mutating func run() throws(CSVError) -> [[String]] {
            while index < bytes.count {
                if isLineBreak(at: index) {
                    // A completely empty line: skipped, see the type's documentation.
                    consumeLineBreak()
                    continue
                }
                let row = try readRecord()
                guard rows.count < maxRows else { throw .tooManyRows(limit: maxRows, line: line) }
                rows.append(row)
                if index < bytes.count { consumeLineBreak() }
            }
            return rows
        }

        /// Reads fields up to (not including) the record's line break or the end of the text.
        private mutating func readRecord() throws(CSVError) -> [String] {
            var fields: [String] = []
            while true {
                fields.append(try readField())
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return fields }
                index += 1
            }
        }

        private mutating func readField() throws(CSVError) -> String {
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { return try readQuotedField() }
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: ","), !isLineBreak(at: index) {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// A field in double quotes, where `""` is one quote and line breaks are data
        /// (RFC 4180 §2.5–2.7).
        private mutating func readQuotedField() throws(CSVError) -> String {
            let openedOn = line
            index += 1
            var field: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    index += 1
                    // Only a separator, a line break or the end may follow the closing quote.
                    if index < bytes.count, bytes[index] != UInt8(ascii: ","), !isLineBreak(at: index) {
                        throw .unexpectedCharacterAfterQuote(line: line)
                    }
                    return String(decoding: field, as: UTF8.self)
                }
                // Count physical lines inside the field so later errors name the right line;
                // CRLF counts once, at its LF.
                if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                    line += 1
                }
                field.append(byte)
                index += 1
            }
            throw .unterminatedQuote(line: openedOn)
        }

        private func isLineBreak(at position: Int) -> Bool {
            bytes[position] == 0x0A || bytes[position] == 0x0D
        }

        /// Skips CRLF, LF or a lone CR.
        private mutating func consumeLineBreak() {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
            } else {
                index += 1
            }
            line += 1
        }
    }
}
