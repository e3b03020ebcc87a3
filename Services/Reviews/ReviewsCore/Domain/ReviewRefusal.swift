/// Why a review request is refused, beyond a malformed body.
enum ReviewRefusal: Error, Equatable {
    /// No review has this id (or it was deleted).
    case notFound(Int64)
    /// The customer reviewed the product already, in review `existing`.
    case alreadyReviewed(existing: Int64)
}
