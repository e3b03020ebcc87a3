import CSV
import Contract
import FoundationEssentials
import Glibc
import Primitives

/// One adjustment of a bulk file.
public struct BulkAdjustmentRow: Sendable, Hashable {
    /// The record's number as a spreadsheet shows it: the file's first record is row 1.
    public var row: Int
    public var customerId: String
    public var points: Int64
    public var reason: String
}

/// A bulk file whose rows cannot be applied, with every bad row's number and problem. A plain
/// domain value: the routes answer it with a 422 `invalid_rows` (`BulkAdjustmentFile+HTTP.swift`).
public struct BulkFileRejected: Error, Sendable, Equatable {
    /// Each bad row's number and what is wrong with it.
    public let problems: [(row: Int, message: String)]

    public static func == (lhs: BulkFileRejected, rhs: BulkFileRejected) -> Bool {
        lhs.problems.map(\.row) == rhs.problems.map(\.row) && lhs.problems.map(\.message) == rhs.problems.map(\.message)
    }
}

/// A bulk file that is not a file of adjustments at all: not UTF-8, not CSV, or longer than one
/// file may be. The routes answer it with a 400 or a 422 (`BulkAdjustmentFile+HTTP.swift`).
public enum BulkFileUnreadable: Error, Sendable, Equatable {
    /// The bytes are not UTF-8 text.
    case notUTF8
    /// The text is not CSV (RFC 4180); the reader's words.
    case invalidCSV(String)
    /// More data rows than `limit`.
    case tooManyRows(limit: Int)
}

/// The bulk adjustment file (`POST /v1/adjustments/bulk`): CSV (RFC 4180) with the columns
/// `customerId,points,reason`, one adjustment per record, applied in file order.
///
/// The first record must be the header `customerId,points,reason` (any case): a file without it
/// is refused rather than guessed at, so a first data row is never mistaken for a header or the
/// other way round. Points are signed integers other than 0; reasons are 1–500 characters. Rows
/// are numbered as a spreadsheet shows them (the header is row 1).
public enum BulkAdjustmentFile {
    /// Most data rows in one file. A file is applied in one write transaction (all or nothing),
    /// and SQLite has one writer: every other write of the service waits while it runs. At
    /// about 16 µs a row (scripts/bench-bulk, release build), 10,000 rows hold the writer for
    /// about 0.16 s, where 100,000 held it for about 2 s. A longer list is sent as several files.
    public static let maximumRows = 10_000
    /// Most problems listed in an answer (every bad row number is still listed).
    public static let maximumReportedProblems = 100

    /// Reads and checks every row; throws `BulkFileRejected` listing all bad rows, or
    /// `BulkFileUnreadable` when the text is not UTF-8 CSV of at most `maximumRows` rows at all.
    public static func parse(_ bytes: [UInt8]) throws -> [BulkAdjustmentRow] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BulkFileUnreadable.notUTF8
        }
        let records: [[String]]
        do {
            // One more than the data rows: a header row does not count.
            records = try CSVReader.parse(text, maxRows: maximumRows + 1)
        } catch .tooManyRows {
            throw BulkFileUnreadable.tooManyRows(limit: maximumRows)
        } catch {
            throw BulkFileUnreadable.invalidCSV("\(error)")
        }
        var rows: [BulkAdjustmentRow] = []
        var problems: [(row: Int, message: String)] = []
        guard let first = records.first, isHeader(first) else {
            throw BulkFileRejected(problems: [(1, "The first row must be the header \(header.joined(separator: ",")).")]
            )
        }
        for (index, record) in records.enumerated().dropFirst() {
            let number = index + 1
            switch check(record, row: number) {
            case .success(let row): rows.append(row)
            case .failure(let message): problems.append((number, message.text))
            }
        }
        if !problems.isEmpty { throw BulkFileRejected(problems: problems) }
        if rows.isEmpty {
            throw BulkFileRejected(problems: [(1, "The file has no adjustments.")])
        }
        return rows
    }

    /// The header row's columns.
    public static let header = ["customerId", "points", "reason"]

    /// Whether a record is the header row (columns in any case, blanks around them ignored).
    static func isHeader(_ record: [String]) -> Bool {
        record.map { $0.trimmed().lowercased() } == header.map { $0.lowercased() }
    }

    private struct Problem: Error {
        let text: String
    }

    private static func check(_ record: [String], row: Int) -> Result<BulkAdjustmentRow, Problem> {
        guard record.count == 3 else {
            return .failure(Problem(text: "expected 3 fields (customerId,points,reason), found \(record.count)"))
        }
        let customerId = record[0].trimmed()
        if let problem = InputRules.identifierProblem(customerId, field: "customerId", kind: CustomerIdKind.self) {
            return .failure(Problem(text: "customerId: \(problem.message)"))
        }
        let pointsText = record[1].trimmed()
        guard let points = Int64(pointsText), points != 0, points != .min else {
            return .failure(
                Problem(text: "points must be a whole number other than 0, found \"\(pointsText.prefix(40))\""))
        }
        let reason = record[2].trimmed()
        if let problem = InputRules.textProblem(reason, field: "reason", limit: InputRules.maximumReasonLength) {
            return .failure(Problem(text: "reason: \(problem.message)"))
        }
        return .success(BulkAdjustmentRow(row: row, customerId: customerId, points: points, reason: reason))
    }
}
