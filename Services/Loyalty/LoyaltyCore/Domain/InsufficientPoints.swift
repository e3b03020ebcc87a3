/// A deduction larger than the balance, with the balance and the amount asked for (and, in a
/// bulk file, the row and customer that failed). A plain domain value: the routes map it to a
/// 409 (`InsufficientPoints+HTTP.swift`).
public struct InsufficientPoints: Error, Sendable, Equatable {
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
}
