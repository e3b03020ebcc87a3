/// Why an exchange order cannot make the move asked of it. Plain domain values: the routes map
/// them to HTTP (`ExchangeOrderRefusal+HTTP.swift`).
enum ExchangeOrderRefusal: Error, Equatable, Sendable {
    /// No order has this id.
    case notFound(Int64)
    /// A rejected order cannot be marked exchanged (or unmarked).
    case markingRejected(Int64)
    /// The order was rejected before.
    case alreadyRejected(Int64)
    /// The order is marked exchanged; the mark must be cleared before rejecting it.
    case alreadyExchanged(Int64)
}
