import Contract
import FoundationEssentials
import ServiceKit
import Store

/// The admin's moderation of one review: activate, edit, delete. Each step writes the review, its
/// history entry and, when the review is published for the first time by a registered customer,
/// the event that earns its points in loyalty, all in the caller's transaction.
struct ReviewModerationSteps: Sendable {
    let dependencies: ReviewsDependencies

    func activate(_ id: Int64, by actor: String, in connection: Connection) throws -> ReviewRecord {
        let review = try Self.review(id, in: connection)
        return try record(
            ReviewModeration.activate(review, at: dependencies.now()), action: .activated, by: actor, in: connection)
    }

    func edit(_ id: Int64, with change: ReviewChange, by actor: String, in connection: Connection) throws
        -> ReviewRecord
    {
        let review = try Self.review(id, in: connection)
        return try record(
            ReviewModeration.apply(change, to: review, at: dependencies.now()), action: .edited, by: actor,
            in: connection)
    }

    func delete(_ id: Int64, by actor: String, in connection: Connection) throws {
        guard try ReviewRepository.delete(id, in: connection) else { throw ReviewRefusal.notFound(id) }
        try ReviewHistoryRepository.append(
            ReviewHistoryEntry(reviewId: id, at: dependencies.now(), actor: actor, action: .deleted, changes: []),
            in: connection)
    }

    /// Review `id` in the caller's transaction, or the route's 404.
    static func review(_ id: Int64, in connection: Connection) throws -> ReviewRecord {
        guard let review = try ReviewRepository.find(id, in: connection) else { throw ReviewRefusal.notFound(id) }
        return review
    }

    private func record(
        _ outcome: ReviewModeration.Outcome, action: ReviewAction, by actor: String, in connection: Connection
    ) throws -> ReviewRecord {
        guard !outcome.changes.isEmpty else { return outcome.review }
        try ReviewRepository.update(outcome.review, in: connection)
        try ReviewHistoryRepository.append(
            ReviewHistoryEntry(
                reviewId: outcome.review.id, at: outcome.review.updatedAt, actor: actor, action: action,
                changes: outcome.changes), in: connection)
        if outcome.earnsPoints, let customerId = outcome.review.customerId {
            let event = ReviewPublishedEvent(
                reviewId: String(outcome.review.id), customerId: customerId.text,
                productId: outcome.review.productId.text)
            try Outbox.enqueue(
                Outbox.Event(
                    destination: "loyalty", path: LoyaltyRoutes.reviewEvents.servicePath(),
                    payload: try JSONCoding.encode(event), eventId: "review-published:\(outcome.review.id)"),
                in: connection, now: dependencies.now())
        }
        return outcome.review
    }
}
