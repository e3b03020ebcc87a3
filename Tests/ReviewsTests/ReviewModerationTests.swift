import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// The admin's moderation: activation publishes, an approved edit marks a review moderated,
/// deactivation hides it, deletion removes it; every change is in the review's history.
@Suite struct ReviewModerationTests {
    typealias Service = ReviewsTestService

    static func history(_ service: Service, _ id: Int64, limit: Int = 50) throws -> [ReviewHistoryEntry] {
        try service.walk("/reviews/\(id)/history", limit: limit)
    }

    static func publicIds(_ service: Service, _ product: ProductId = "p-1") throws -> [Int64] {
        try service.walk("/products/\(product.text)/reviews", limit: 50, as: Service.anonymous, of: PublicReview.self)
            .map(\.id)
    }

    @Test func activation_PublishesTheReview_AndAgainChangesNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let posted = try service.posted(Service.submission())
        service.clock.advance(seconds: 30)
        let active = try service.activate(posted.id)
        #expect(active.active && active.moderated && active.published)
        #expect(active.updatedAt == service.clock.date)
        #expect(try service.review(posted.id) == active)
        #expect(try Self.publicIds(service) == [posted.id])

        service.clock.advance(seconds: 30)
        #expect(try service.activate(posted.id) == active, "nothing changes, not even updatedAt")
        #expect(try service.edit(posted.id, ReviewChange(rating: posted.rating, active: true)) == active)
        #expect(try Self.history(service, posted.id).map(\.action) == [.created, .activated])
    }

    @Test func anEdit_MarksTheReviewModerated_WithoutPublishingIt() throws {
        let service = try Service()
        defer { service.stop() }
        let commented = try service.posted(Service.submission())
        let edited = try service.edit(commented.id, ReviewChange(comment: "Poprawiony."))
        #expect(edited.comment == "Poprawiony." && edited.moderated && !edited.active && !edited.published)

        let rated = try service.posted(Service.submission())
        let rerated = try service.edit(rated.id, ReviewChange(rating: 2))
        #expect(rerated.rating == 2 && rerated.moderated && !rerated.published)

        let activated = try service.posted(Service.submission())
        let published = try service.edit(activated.id, ReviewChange(active: true))
        #expect(published.active && published.moderated && published.published)
        #expect(try Self.publicIds(service) == [activated.id])

        // The admin's edits are not held to the posting rule on links.
        let links = "http://a.pl http://b.pl http://c.pl"
        #expect(try service.edit(commented.id, ReviewChange(comment: links)).comment == links)
    }

    @Test func aBadEdit_IsRefused_AndChangesNothing() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission())
        for (text, field) in [
            ("{}", "comment"), (#"{"rating": 6}"#, "rating"), (#"{"comment": " "}"#, "comment"),
            (#"{"comment": "a\u0007b"}"#, "comment"), (#"{"moderated": true}"#, "moderated"),
        ] {
            let answer = try service.call(.patch, "/reviews/\(review.id)", text: text)
            #expect(answer.status == .unprocessableContent, "\(text): \(answer.text)")
            #expect(answer.errorField == field, "\(text): \(answer.text)")
        }
        #expect(try service.review(review.id) == review)
        #expect(try service.call(.patch, "/reviews/999", json: ReviewChange(rating: 3)).status == .notFound)
        #expect(try service.call(.post, "/reviews/999/activation").status == .notFound)
    }

    @Test func deactivation_HidesAPublishedReview() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission())
        try service.activate(review.id)
        let hidden = try service.edit(review.id, ReviewChange(active: false))
        #expect(!hidden.active && hidden.moderated && !hidden.published)
        #expect(try Self.publicIds(service).isEmpty)
        #expect(try service.summary("p-1").count == 0)
        #expect(try service.activate(review.id).published)
        #expect(try Self.publicIds(service) == [review.id])
    }

    @Test func deletion_Is204_ThenTheReviewIsGone() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission())
        try service.activate(review.id)
        try service.delete(review.id)
        #expect(try service.call(.get, "/reviews/\(review.id)").status == .notFound)
        #expect(try service.call(.delete, "/reviews/\(review.id)").status == .notFound)
        #expect(try service.call(.post, "/reviews/\(review.id)/activation").status == .notFound)
        #expect(try service.call(.patch, "/reviews/\(review.id)", json: ReviewChange(rating: 1)).status == .notFound)
        #expect(try Self.publicIds(service).isEmpty)
        #expect(try service.summary("p-1").count == 0)
    }

    @Test func moderation_IsTheAdminsAlone() throws {
        let service = try Service()
        defer { service.stop() }
        let review = try service.posted(Service.submission(customer: "c-1"))
        for caller in [Service.storefront, Service.customer("c-1")] {
            #expect(try service.call(.post, "/reviews/\(review.id)/activation", as: caller).status == .forbidden)
            #expect(
                try service.call(.patch, "/reviews/\(review.id)", json: ReviewChange(active: true), as: caller).status
                    == .forbidden)
            #expect(try service.call(.delete, "/reviews/\(review.id)", as: caller).status == .forbidden)
            #expect(try service.call(.get, "/reviews", as: caller).status == .forbidden)
            #expect(try service.call(.get, "/reviews/\(review.id)/history", as: caller).status == .forbidden)
        }
        #expect(try service.review(review.id) == review)
    }

    @Test func theHistory_ListsEveryChangeOldestFirst_PagedAndAfterDeletion() throws {
        let service = try Service()
        defer { service.stop() }
        let start = service.clock.date
        let review = try service.posted(Service.submission(rating: 5, comment: "Dobry."))
        service.clock.advance(seconds: 60)
        try service.activate(review.id)
        service.clock.advance(seconds: 60)
        try service.edit(review.id, ReviewChange(comment: "Dobry kubek.", rating: 4))
        service.clock.advance(seconds: 60)
        try service.delete(review.id)

        let entries = try Self.history(service, review.id)
        let shop = "storefront:shop"
        let admin = "admin:tester"
        #expect(
            entries == [
                ReviewHistoryEntry(
                    reviewId: review.id, at: start, actor: shop, action: .created,
                    changes: [
                        .init(field: "comment", from: nil, to: .text("Dobry.")),
                        .init(field: "rating", from: nil, to: .number(5)),
                        .init(field: "active", from: nil, to: .flag(false)),
                        .init(field: "moderated", from: nil, to: .flag(false)),
                    ]),
                ReviewHistoryEntry(
                    reviewId: review.id, at: start.addingTimeInterval(60), actor: admin, action: .activated,
                    changes: [
                        .init(field: "active", from: .flag(false), to: .flag(true)),
                        .init(field: "moderated", from: .flag(false), to: .flag(true)),
                    ]),
                ReviewHistoryEntry(
                    reviewId: review.id, at: start.addingTimeInterval(120), actor: admin, action: .edited,
                    changes: [
                        .init(field: "comment", from: .text("Dobry."), to: .text("Dobry kubek.")),
                        .init(field: "rating", from: .number(5), to: .number(4)),
                    ]),
                ReviewHistoryEntry(
                    reviewId: review.id, at: start.addingTimeInterval(180), actor: admin, action: .deleted, changes: []),
            ])
        #expect(try Self.history(service, review.id, limit: 1) == entries, "one entry a page walks them all")
        #expect(try Self.history(service, review.id, limit: 3) == entries)
        #expect(try service.call(.get, "/reviews/999/history").status == .notFound)
    }

    @Test func theHistory_OfOneReview_HoldsNoneOfAnothers() throws {
        let service = try Service()
        defer { service.stop() }
        let first = try service.posted(Service.submission())
        let second = try service.posted(Service.submission())
        try service.activate(second.id)
        try service.activate(first.id)
        #expect(try Self.history(service, first.id, limit: 1).allSatisfy { $0.reviewId == first.id })
        #expect(try Self.history(service, second.id, limit: 1).map(\.action) == [.created, .activated])
    }
}
