import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import TestSupport
import Testing

@testable import ReviewsCore

/// A customer's review earns loyalty points once: its first publication sends one event to
/// loyalty through the outbox; hiding and showing it again, editing or deleting it sends nothing
/// more, and a review without a customer id sends nothing.
@Suite struct ReviewPointsTests {
    typealias Service = ReviewsTestService

    /// Loyalty's `POST /v1/review-events`, standing in for loyalty: records what arrives.
    final class LoyaltyStandIn: @unchecked Sendable {
        // @unchecked: every stored property is immutable and itself thread-safe.
        struct Received: Equatable {
            var eventId: String
            var event: ReviewPublishedEvent
        }

        let received = Locked<[Received]>([])
        let server: LiveServer

        init() throws {
            let received = self.received
            server = try LiveServer(
                routes: RouteCollection().post("v1/review-events") { request, _ in
                    guard let event = try? JSONCoding.decode(ReviewPublishedEvent.self, from: request.body) else {
                        return HTTPResponse(status: .badRequest)
                    }
                    received.withLock {
                        $0.append(Received(eventId: request.headers[Outbox.eventIdHeader] ?? "", event: event))
                    }
                    return try .json(
                        ActivityAward(customerId: event.customerId, awarded: 10, firstTime: true, points: 10))
                })
        }

        var events: [Received] { received.current }

        func stop() { server.stop() }
    }

    /// Events for loyalty the reviews service has queued, delivered or not.
    static func queued(_ service: Service) throws -> Int64 {
        try service.database.read { connection in
            try connection.scalar("SELECT count(*) FROM outbox WHERE destination = 'loyalty'", as: Int64.self) ?? 0
        }
    }

    /// Publishes a marker review by `customer` and waits for its event: loyalty has then seen
    /// every event queued before it.
    static func flush(_ service: Service, _ loyalty: LoyaltyStandIn, customer: CustomerId) throws {
        let marker = try service.posted(Service.submission(product: "marker", customer: customer))
        try service.activate(marker.id)
        #expect(eventually { loyalty.events.contains { $0.event.reviewId == String(marker.id) } })
    }

    @Test func theFirstPublication_SendsOneEvent_AndRepublishingSendsNone() throws {
        let loyalty = try LoyaltyStandIn()
        defer { loyalty.stop() }
        let service = try Service(loyalty: loyalty.server.upstream)
        defer { service.stop() }
        let review = try service.posted(Service.submission(product: "p-7", customer: "c-1"))
        #expect(try Self.queued(service) == 0, "an unpublished review earns nothing yet")
        try service.activate(review.id)
        #expect(eventually { loyalty.events.count == 1 })
        #expect(
            loyalty.events == [
                .init(
                    eventId: "review-published:\(review.id)",
                    event: ReviewPublishedEvent(reviewId: String(review.id), customerId: "c-1", productId: "p-7"))
            ])

        try service.edit(review.id, ReviewChange(active: false))
        try service.activate(review.id)
        try service.edit(review.id, ReviewChange(comment: "Zmieniony.", rating: 3))
        try service.activate(review.id)
        #expect(try Self.queued(service) == 1)
        try service.delete(review.id)
        try Self.flush(service, loyalty, customer: "c-2")
        #expect(loyalty.events.filter { $0.event.reviewId == String(review.id) }.count == 1)
        #expect(loyalty.events.count == 2)
    }

    @Test func anEditThatPublishes_SendsTheEvent_AndOneThatDoesNot_Waits() throws {
        let loyalty = try LoyaltyStandIn()
        defer { loyalty.stop() }
        let service = try Service(loyalty: loyalty.server.upstream)
        defer { service.stop() }
        let review = try service.posted(Service.submission(), as: Service.customer("c-3"))
        try service.edit(review.id, ReviewChange(comment: "Zatwierdzony, nieaktywny."))
        #expect(try Self.queued(service) == 0, "moderated but inactive: not published")
        try service.edit(review.id, ReviewChange(active: true))
        #expect(eventually { loyalty.events.count == 1 })
        #expect(
            loyalty.events.first?.event
                == ReviewPublishedEvent(reviewId: String(review.id), customerId: "c-3", productId: "p-1"))
    }

    @Test func aReviewWithoutACustomer_SendsNothing() throws {
        let loyalty = try LoyaltyStandIn()
        defer { loyalty.stop() }
        let service = try Service(loyalty: loyalty.server.upstream)
        defer { service.stop() }
        let review = try service.posted(Service.submission(author: "Gość"))
        try service.activate(review.id)
        try service.edit(review.id, ReviewChange(active: false))
        try service.activate(review.id)
        #expect(try Self.queued(service) == 0)
        try Self.flush(service, loyalty, customer: "c-4")
        #expect(loyalty.events.map(\.event.customerId) == ["c-4"])
    }
}
