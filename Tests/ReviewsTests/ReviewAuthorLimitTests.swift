import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// Flooding is slowed per author: five reviews at once per customer id or author name, then one
/// a minute, timed by the service's monotonic clock (moved by hand here); the admin is never
/// limited.
@Suite struct ReviewAuthorLimitTests {
    typealias Service = ReviewsTestService

    static func service() throws -> Service {
        try Service(authorRule: ReviewsService.defaultAuthorRule)
    }

    /// A 429 `too_many_reviews` whose `Retry-After` is `seconds`.
    static func expectLimited(_ answer: HTTPClientResponse, retryAfter seconds: Int = 60, _ comment: Comment? = nil) {
        #expect(answer.status == .tooManyRequests, comment)
        #expect(answer.errorCode == "too_many_reviews", comment)
        #expect(answer.headers["Retry-After"] == String(seconds), comment)
    }

    @Test func anAuthorBeyondTheBurst_Is429WithRetryAfter_AndAnotherAuthorIsNot() throws {
        let service = try Self.service()
        defer { service.stop() }
        for index in 1...5 {
            try service.posted(Service.submission(product: ProductId("p-\(index)")!, author: "Ala"))
        }
        Self.expectLimited(try service.post(Service.submission(author: "Ala")))
        Self.expectLimited(try service.post(Service.submission(author: " ALA ")), "the name in any letter case")
        try service.posted(Service.submission(author: "Basia"))
        #expect(try ReviewPostingTests.stored(service).count == 6, "a refused post stores nothing")

        service.clock.advance(seconds: 59)
        Self.expectLimited(try service.post(Service.submission(author: "Ala")), retryAfter: 1, "a second short")
        service.clock.advance(seconds: 1)
        try service.posted(Service.submission(author: "Ala"))
        Self.expectLimited(try service.post(Service.submission(author: "Ala")), "one a minute after the burst")
        service.clock.advance(seconds: 3_600)
        for _ in 1...5 { try service.posted(Service.submission(author: "Ala")) }
        Self.expectLimited(try service.post(Service.submission(author: "Ala")), "the burst refills, no further")
    }

    @Test func aCustomer_IsLimitedByTheirId_WhoeverPostsForThem() throws {
        let service = try Self.service()
        defer { service.stop() }
        let token = Service.customer("c-9")
        for index in 1...3 {
            try service.posted(Service.submission(product: ProductId("p-\(index)")!, author: "Ala"), as: token)
        }
        for index in 4...5 {
            try service.posted(
                Service.submission(product: ProductId("p-\(index)")!, author: "Inna", customer: "c-9"))
        }
        Self.expectLimited(try service.post(Service.submission(product: "p-6", author: "Jeszcze"), as: token))
        Self.expectLimited(try service.post(Service.submission(product: "p-6", customer: "c-9")))
        try service.posted(Service.submission(product: "p-6", author: "Ala"), as: Service.customer("c-8"))
    }

    @Test func aRefusedBody_CostsTheAuthorNothing() throws {
        let service = try Self.service()
        defer { service.stop() }
        for _ in 1...10 {
            #expect(try service.post(Service.submission(rating: 0, author: "Ala")).status == .unprocessableContent)
        }
        for index in 1...5 {
            try service.posted(Service.submission(product: ProductId("p-\(index)")!, author: "Ala"))
        }
        Self.expectLimited(try service.post(Service.submission(author: "Ala")))
    }

    @Test func theAdmin_IsNeverLimited() throws {
        let service = try Self.service()
        defer { service.stop() }
        for _ in 1...20 {
            try service.posted(Service.submission(author: "Ala"), as: Service.admin)
        }
        for index in 1...5 {
            try service.posted(Service.submission(product: ProductId("p-\(index)")!, author: "Ala"))
        }
        Self.expectLimited(try service.post(Service.submission(author: "Ala")))
        try service.posted(Service.submission(author: "Ala"), as: Service.admin)
    }
}
