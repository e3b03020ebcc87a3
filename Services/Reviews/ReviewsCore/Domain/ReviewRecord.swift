import Contract
import FoundationEssentials

/// A stored review and what the service knows about it: the fields the admin edits, the flags
/// that make it public, and whether loyalty was told of its publication.
struct ReviewRecord: Sendable, Equatable {
    var id: Int64
    var productId: ProductId
    var productName: String
    var rating: Int
    var comment: String
    var authorName: String
    var customerId: CustomerId?
    var verifiedPurchase: Bool
    var moderated: Bool
    var active: Bool
    var pointsReported: Bool
    var createdAt: Date
    var updatedAt: Date

    /// Shown in the shop and counted in the product's summary.
    var isPublished: Bool { moderated && active }

    /// The admin's view.
    var view: Review {
        Review(
            id: id, productId: productId, productName: productName, rating: rating, comment: comment,
            authorName: authorName, customerId: customerId, verifiedPurchase: verifiedPurchase, moderated: moderated,
            active: active, createdAt: createdAt, updatedAt: updatedAt)
    }

    /// The shop's view.
    var publicView: PublicReview {
        PublicReview(
            id: id, productId: productId, rating: rating, comment: comment, authorName: authorName,
            verifiedPurchase: verifiedPurchase, createdAt: createdAt)
    }

    /// The comment as searches read it: lower case in every script, so "Ł" finds "ł".
    static func searchText(_ comment: String) -> String { comment.lowercased() }
}
