/// Why a debit by another service, or its compensation, is refused. Plain domain values: the
/// routes map them to HTTP (`PointDebitRefusal+HTTP.swift`).
enum PointDebitRefusal: Error, Equatable, Sendable {
    /// No debit has this id.
    case notFound(String)
    /// The id was used for a debit of another customer or amount.
    case idReused(String)
}
