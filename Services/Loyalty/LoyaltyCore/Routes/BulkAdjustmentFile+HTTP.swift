import HTTP

/// A bulk file with bad rows: 422 `invalid_rows`, every bad row's number in `details.rows` and
/// the first `BulkAdjustmentFile.maximumReportedProblems` problems in `details.problems`.
extension BulkFileRejected: HTTPResponseError {
    public var status: HTTPStatus { .unprocessableContent }
    public var code: String { "invalid_rows" }
    public var message: String {
        let rows = problems.prefix(20).map { String($0.row) }.joined(separator: ", ")
        return
            "The file was not applied: fix row\(problems.count == 1 ? "" : "s") \(rows)\(problems.count > 20 ? ", …" : "")."
    }
    public var details: [String: ErrorDetail] {
        [
            "rows": .strings(problems.map { String($0.row) }),
            "problems": .strings(
                problems.prefix(BulkAdjustmentFile.maximumReportedProblems).map { "row \($0.row): \($0.message)" }),
        ]
    }
}

/// A file that is not UTF-8 CSV is a 400 `invalid_csv`; one with too many rows a 422
/// `too_many_rows` with the limit, so the caller knows how to split it.
extension BulkFileUnreadable: HTTPResponseError {
    public var status: HTTPStatus {
        if case .tooManyRows = self { return .unprocessableContent }
        return .badRequest
    }

    public var code: String {
        if case .tooManyRows = self { return "too_many_rows" }
        return "invalid_csv"
    }

    public var message: String {
        switch self {
        case .notUTF8:
            "The file must be UTF-8 text."
        case .invalidCSV(let reason):
            "The file is not valid CSV: \(reason)."
        case .tooManyRows(let limit):
            "The file has more than \(limit) adjustments; send it as several files of at most \(limit) rows each."
        }
    }

    public var details: [String: ErrorDetail] {
        if case .tooManyRows(let limit) = self { return ["limit": .int(Int64(limit))] }
        return [:]
    }
}
