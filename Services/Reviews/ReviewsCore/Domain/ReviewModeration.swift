import Contract
import FoundationEssentials

/// The moderation rules of the source: a review is public while moderated and active; the admin's
/// first activation or approved edit marks it moderated; activity can change at any time. Each
/// step gives the review as it becomes and the field changes its history records.
enum ReviewModeration {
    /// What a step did.
    struct Outcome: Sendable, Equatable {
        var review: ReviewRecord
        var changes: [ReviewFieldChange]
        /// The review is public for the first time by a registered customer: loyalty awards its points.
        var earnsPoints: Bool
    }

    /// Activation: active and moderated; nothing changes for an active, moderated review.
    static func activate(_ review: ReviewRecord, at now: Date) -> Outcome {
        apply(ReviewChange(active: true), to: review, at: now)
    }

    /// The admin's edit, approved: the fields it names, and moderated.
    static func apply(_ change: ReviewChange, to review: ReviewRecord, at now: Date) -> Outcome {
        var next = review
        var changes: [ReviewFieldChange] = []
        if let comment = change.comment, comment != review.comment {
            next.comment = comment
            changes.append(.init(field: "comment", from: .text(review.comment), to: .text(comment)))
        }
        if let rating = change.rating, rating != review.rating {
            next.rating = rating
            changes.append(.init(field: "rating", from: .number(review.rating), to: .number(rating)))
        }
        if let active = change.active, active != review.active {
            next.active = active
            changes.append(.init(field: "active", from: .flag(review.active), to: .flag(active)))
        }
        if !review.moderated {
            next.moderated = true
            changes.append(.init(field: "moderated", from: .flag(false), to: .flag(true)))
        }
        if !changes.isEmpty { next.updatedAt = now }
        let earns = next.isPublished && next.customerId != nil && !review.pointsReported
        if earns { next.pointsReported = true }
        return Outcome(review: next, changes: changes, earnsPoints: earns)
    }

    /// The history of a new review: every field it starts with.
    static func creation(_ review: ReviewRecord) -> [ReviewFieldChange] {
        [
            .init(field: "comment", from: nil, to: .text(review.comment)),
            .init(field: "rating", from: nil, to: .number(review.rating)),
            .init(field: "active", from: nil, to: .flag(review.active)),
            .init(field: "moderated", from: nil, to: .flag(review.moderated)),
        ]
    }
}
