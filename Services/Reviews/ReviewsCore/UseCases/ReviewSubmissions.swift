import Contract
import FoundationEssentials
import Store

/// Posting a review: refused when the customer reviewed the product already; stored unmoderated
/// and inactive, with its first history entry.
struct ReviewSubmissions: Sendable {
    let dependencies: ReviewsDependencies

    /// Stores `submission` (checked) by `actor` in the caller's transaction.
    func submit(_ submission: ReviewSubmission, by actor: String, in connection: Connection) throws -> ReviewRecord {
        if let customerId = submission.customerId,
            let existing = try ReviewRepository.existing(
                customerId: customerId, productId: submission.productId, in: connection)
        {
            throw ReviewRefusal.alreadyReviewed(existing: existing)
        }
        let review = try ReviewRepository.insert(submission, at: dependencies.now(), in: connection)
        try ReviewHistoryRepository.append(
            ReviewHistoryEntry(
                reviewId: review.id, at: review.createdAt, actor: actor, action: .created,
                changes: ReviewModeration.creation(review)), in: connection)
        return review
    }

    /// The key an author's posts are limited by: the customer, else the name in any letter case.
    static func authorKey(_ submission: ReviewSubmission) -> String {
        if let customerId = submission.customerId { return "customer:" + customerId.text }
        return "name:" + submission.authorName.trimmed().lowercased()
    }
}
