import HTTP

/// 404 for a review that does not exist; 409 `already_reviewed` naming the customer's review.
extension ReviewRefusal: HTTPResponseError {
    public var status: HTTPStatus {
        switch self {
        case .notFound: return .notFound
        case .alreadyReviewed: return .conflict
        }
    }

    public var code: String {
        switch self {
        case .notFound: return "not_found"
        case .alreadyReviewed: return "already_reviewed"
        }
    }

    public var message: String {
        switch self {
        case .notFound(let id): return "No review \(id)."
        case .alreadyReviewed(let existing): return "The customer reviewed this product already (review \(existing))."
        }
    }

    public var details: [String: ErrorDetail] {
        switch self {
        case .notFound: return [:]
        case .alreadyReviewed(let existing): return ["reviewId": .int(existing)]
        }
    }
}
