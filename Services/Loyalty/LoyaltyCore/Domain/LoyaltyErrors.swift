import Contract
import HTTP

/// A deduction larger than the balance: 409 `insufficient_points` with the balance and the
/// amount asked for (and, in a bulk file, the row and customer that failed).
public struct InsufficientPoints: HTTPResponseError, Equatable {
    public let balance: Int64
    public let requested: Int64
    /// The data row of a bulk file (1-based line number), when the deduction came from one.
    public var row: Int?
    public var customerId: String?

    /// Creates the error.
    public init(balance: Int64, requested: Int64, row: Int? = nil, customerId: String? = nil) {
        self.balance = balance
        self.requested = requested
        self.row = row
        self.customerId = customerId
    }

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

extension PointsError: HTTPResponseError {
    public var status: HTTPStatus { .unprocessableContent }
    public var code: String { "points_out_of_range" }
    public var message: String { description }
}
