import Contract
import FoundationEssentials
import Store

/// What is read of reviews: one, the admin's search, a review's history, a product's public
/// listing and summary.
struct ReviewQueries: Sendable {
    let database: Database

    func review(_ id: Int64) throws -> ReviewRecord {
        try database.read { try ReviewModerationSteps.review(id, in: $0) }
    }

    func search(_ search: ReviewSearch) throws -> [ReviewRecord] {
        try database.read { try ReviewSearchRepository.search(search, in: $0) }
    }

    /// The review's history after entry `afterId`; the route's 404 for a review that never existed.
    func history(of id: Int64, afterId: Int64?, limit: Int) throws -> [(id: Int64, entry: ReviewHistoryEntry)] {
        try database.read { connection in
            let entries = try ReviewHistoryRepository.entries(of: id, afterId: afterId, limit: limit, in: connection)
            if entries.isEmpty, try !ReviewHistoryRepository.exists(id, in: connection) {
                throw ReviewRefusal.notFound(id)
            }
            return entries
        }
    }

    func published(_ listing: PublicListing) throws -> [ReviewRecord] {
        try database.read { try ReviewSearchRepository.published(listing, in: $0) }
    }

    func summary(of productId: ProductId) throws -> RatingSummary {
        RatingSummary(
            productId: productId,
            histogram: try database.read { try RatingSummaryRepository.histogram(productId, in: $0) })
    }
}
