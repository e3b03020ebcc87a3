import Contract
import FoundationEssentials
import ServiceKit
import Store

/// A review with every change of it.
struct ReviewWithHistory: Encodable, Sendable {
    var review: Review
    var history: [ReviewHistoryEntry]
}

/// The reviews service's side of the privacy contract (`PrivacyEndpoints`): what it holds about a
/// person and their erasure under the pseudonym.
enum ReviewsPrivacy {
    /// The person's reviews (`Review`, newest first, as the admin sees them) each with its history,
    /// the history of their reviews the admin deleted, and the purchases that mark their reviews
    /// verified; every list read a page at a time where it has an index to page along.
    static func subject(_ customerId: CustomerId, in connection: Connection) throws -> [String: JSONValue] {
        let reviews = try PrivacyEndpoints.all(
            { before, limit in
                try ReviewSearchRepository.search(
                    ReviewSearch(customerId: customerId, beforeId: before, limit: limit), in: connection)
            }, position: \.id)
        let withHistory = try reviews.map { review in
            ReviewWithHistory(
                review: review.view,
                history: try PrivacyEndpoints.all(
                    { try ReviewHistoryRepository.entries(of: review.id, afterId: $0, limit: $1, in: connection) },
                    position: \.id
                ).map(\.entry))
        }
        var holds: [String: JSONValue] = [:]
        holds["reviews"] = try PrivacyEndpoints.records(withHistory)
        holds["deletedReviewsHistory"] = try PrivacyEndpoints.records(
            ReviewsPrivacyRepository.historyOfDeletedReviews(by: SubjectErasure.actor(customerId.text), in: connection))
        holds["purchases"] = try PrivacyEndpoints.records(
            PrivacyEndpoints.all(
                { try ReviewsPrivacyRepository.purchases(customerId.text, after: $0, limit: $1, in: connection) },
                position: { $0 }))
        return holds
    }

    /// Anonymizes the person (`ReviewsPrivacyRepository.erase`).
    static func erase(_ erasure: SubjectErasure, in connection: Connection) throws -> Int64 {
        try ReviewsPrivacyRepository.erase(erasure, in: connection)
    }
}
