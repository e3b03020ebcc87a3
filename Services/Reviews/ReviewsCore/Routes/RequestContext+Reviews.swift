import Contract
import HTTP
import ServiceKit

/// What the reviews routes read of a request.
extension RequestContext {
    /// The `id` path parameter.
    func reviewId() throws(HTTPError) -> Int64 {
        try parameters.require("id", as: Int64.self)
    }

    /// The `rating` query parameter, 1–5; another value is a 400 naming it.
    func ratingQuery() throws(HTTPError) -> Int? {
        guard let rating = try query.get("rating", as: Int.self) else { return nil }
        guard ReviewRules.ratings.contains(rating) else {
            throw HTTPError.badRequest(
                "Query parameter 'rating' must be 1–5.", code: "invalid_parameter",
                details: ["parameter": .string("rating")])
        }
        return rating
    }

    /// The customer a review is by: the body's, or a customer token's own.
    func author(_ named: CustomerId?) throws(HTTPError) -> CustomerId? {
        try namedCustomer(named, refusal: "A customer may only post reviews as themselves.")
    }
}
