import FoundationEssentials

/// A review as the admin sees it. It is public (`published`) only while both moderated and active.
public struct Review: Codable, Sendable, Hashable {
    public var id: Int64
    public var productId: ProductId
    public var productName: String
    public var rating: Int
    public var comment: String
    public var authorName: String
    public var customerId: CustomerId?
    /// The author is a customer the shop knows to have bought the product (a paid or fulfilled
    /// order reported through the gateway).
    public var verifiedPurchase: Bool
    /// The admin activated or edited it at least once.
    public var moderated: Bool
    public var active: Bool
    /// Moderated and active: shown in the shop and counted in the product's summary.
    public var published: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a review.
    public init(
        id: Int64, productId: ProductId, productName: String, rating: Int, comment: String, authorName: String,
        customerId: CustomerId?, verifiedPurchase: Bool, moderated: Bool, active: Bool, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.productId = productId
        self.productName = productName
        self.rating = rating
        self.comment = comment
        self.authorName = authorName
        self.customerId = customerId
        self.verifiedPurchase = verifiedPurchase
        self.moderated = moderated
        self.active = active
        self.published = moderated && active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A published review as the shop shows it to anyone: no customer id, no moderation flags.
public struct PublicReview: Codable, Sendable, Hashable {
    public var id: Int64
    public var productId: ProductId
    public var rating: Int
    public var comment: String
    public var authorName: String
    public var verifiedPurchase: Bool
    public var createdAt: Date

    /// Creates a public review.
    public init(
        id: Int64, productId: ProductId, rating: Int, comment: String, authorName: String, verifiedPurchase: Bool,
        createdAt: Date
    ) {
        self.id = id
        self.productId = productId
        self.rating = rating
        self.comment = comment
        self.authorName = authorName
        self.verifiedPurchase = verifiedPurchase
        self.createdAt = createdAt
    }
}

/// The orders of a product's public listing.
public enum ReviewSort: String, Codable, Sendable, CaseIterable {
    /// Newest first (the default).
    case newest
    case oldest
    /// Highest rating first, newest first within a rating.
    case highest
    /// Lowest rating first, newest first within a rating.
    case lowest
}
