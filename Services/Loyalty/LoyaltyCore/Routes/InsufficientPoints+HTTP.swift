import HTTP

/// A deduction larger than the balance: 409 `insufficient_points` with the balance and the
/// amount asked for (and, in a bulk file, the row and customer that failed).
extension InsufficientPoints: HTTPResponseError {
    public var status: HTTPStatus { .conflict }
    public var code: String { "insufficient_points" }

    public var message: String {
        let prefix = row.map { "Line \($0): " } ?? ""
        return prefix + "The balance of \(balance) points does not cover \(requested)."
    }

    public var details: [String: ErrorDetail] {
        var details: [String: ErrorDetail] = ["balance": .int(balance), "requested": .int(requested)]
        if let row { details["row"] = .int(Int64(row)) }
        if let customerId { details["customerId"] = .string(customerId) }
        return details
    }
}
