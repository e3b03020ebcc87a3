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

    /// The customer a review is by: the body's, except that a customer token always posts as
    /// itself (leaving the field out means itself; naming another customer is a 403).
    func author(_ named: CustomerId?) throws(HTTPError) -> CustomerId? {
        guard principal.role == .customer else { return named }
        if let named, named != principal.customerId {
            throw HTTPError.forbidden("A customer may only post reviews as themselves.")
        }
        return principal.customerId
    }
}
