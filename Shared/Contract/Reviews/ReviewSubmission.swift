import FoundationEssentials

/// `POST /v1/reviews`: a comment and a 1–5 rating posted on a product page, by anyone browsing the
/// shop (the storefront posts it on their behalf) or by a customer with their token. A review
/// starts unmoderated and inactive: it is public once the admin activates it.
public struct ReviewSubmission: Codable, Sendable, Hashable {
    public var productId: ProductId
    /// The product's name as the shop shows it, kept with the review for the admin's list.
    public var productName: String
    /// 1–5.
    public var rating: Int
    public var comment: String
    /// The name shown beside the review; need not be a registered customer.
    public var authorName: String
    /// The registered customer who wrote it, if any: earns loyalty points once the review is
    /// published, and a "verified purchase" mark when they bought the product.
    public var customerId: CustomerId?

    /// Creates a submission.
    public init(
        productId: ProductId, productName: String, rating: Int, comment: String, authorName: String,
        customerId: CustomerId? = nil
    ) {
        self.productId = productId
        self.productName = productName
        self.rating = rating
        self.comment = comment
        self.authorName = authorName
        self.customerId = customerId
    }
}

/// `PATCH /v1/reviews/{id}`: the admin's edit of a review's text, rating or activity. Any approved
/// edit marks the review moderated.
public struct ReviewChange: Codable, Sendable, Hashable {
    public var comment: String?
    public var rating: Int?
    public var active: Bool?

    /// Creates an edit; leave out what does not change.
    public init(comment: String? = nil, rating: Int? = nil, active: Bool? = nil) {
        self.comment = comment
        self.rating = rating
        self.active = active
    }
}
