import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// A product's rating summary counts its published reviews only, and agrees with them after
/// every post, activation, edit, deactivation and deletion.
@Suite struct RatingSummaryTests {
    typealias Service = ReviewsTestService

    /// Publishes one review of `product` per rating.
    static func publish(_ service: Service, _ product: ProductId, ratings: [Int]) throws {
        for rating in ratings {
            try service.activate(try service.posted(Service.submission(product: product, rating: rating)).id)
        }
    }

    @Test func theAverage_IsRoundedHalfUpToTwoDecimals() throws {
        let service = try Service()
        defer { service.stop() }
        try Self.publish(service, "p-3", ratings: [4, 4, 5])
        let thirds = try service.summary("p-3")
        #expect(thirds.count == 3 && thirds.ratingSum == 13)
        #expect(thirds.average == 4.33)
        #expect(thirds.histogram == RatingHistogram(four: 2, five: 1))

        try Self.publish(service, "p-2", ratings: [4, 5])
        #expect(try service.summary("p-2").average == 4.5)

        // 33 / 8 = 4.125 and 35 / 8 = 4.375: exactly halfway, so up (4.13, 4.38), never to even.
        try Self.publish(service, "p-8", ratings: [5, 5, 4, 4, 4, 4, 4, 3])
        #expect(try service.summary("p-8").average == 4.13)
        try Self.publish(service, "p-9", ratings: [5, 5, 5, 4, 4, 4, 4, 4])
        #expect(try service.summary("p-9").average == 4.38)

        try Self.publish(service, "p-1", ratings: [1])
        #expect(try service.summary("p-1").average == 1)
    }

    @Test func aProductWithoutPublishedReviews_HasCountZero_AndANullAverage() throws {
        let service = try Service()
        defer { service.stop() }
        try service.posted(Service.submission(product: "p-1", rating: 5))
        let hidden = try service.posted(Service.submission(product: "p-1", rating: 1))
        try service.edit(hidden.id, ReviewChange(comment: "Moderowana, nieaktywna."))
        for product: ProductId in ["p-1", "never-reviewed"] {
            let answer = try service.call(.get, "/products/\(product.text)/summary", as: Service.anonymous)
            #expect(answer.status == .ok)
            let summary: RatingSummary = try answer.decode()
            #expect(summary == RatingSummary(productId: product, histogram: RatingHistogram()))
            #expect(summary.count == 0 && summary.ratingSum == 0 && summary.average == nil)
            #expect(answer.text.contains(#""average":null"#), "the field is there, null: \(answer.text)")
        }
    }

    /// What the tests know of one review, to recompute the summaries from.
    struct Known {
        var product: ProductId
        var rating: Int
        var moderated = false
        var active = false
        var published: Bool { moderated && active }
    }

    /// The summary of `product` recomputed from the published reviews the test knows of.
    static func expected(_ product: ProductId, from known: [Int64: Known]) -> (
        counts: [Int64], sum: Int64, hundredths: Int64?
    ) {
        var counts: [Int64] = [0, 0, 0, 0, 0]
        for review in known.values where review.product == product && review.published {
            counts[review.rating - 1] += 1
        }
        let count = counts.reduce(0, +)
        let sum = zip(1...5, counts).reduce(Int64(0)) { $0 + Int64($1.0) * $1.1 }
        guard count > 0 else { return (counts, sum, nil) }
        let (whole, remainder) = (sum * 100).quotientAndRemainder(dividingBy: count)
        return (counts, sum, whole + (2 * remainder >= count ? 1 : 0))
    }

    @Test(arguments: [UInt64(7), 20_260_501])
    func theSummary_AgreesWithThePublishedReviews_AfterEveryStep(seed: UInt64) throws {
        let service = try Service()
        defer { service.stop() }
        var random = SeededGenerator(seed: seed)
        let products: [ProductId] = ["p-1", "p-2", "p-3"]
        var known: [Int64: Known] = [:]
        for step in 0..<300 {
            let ids = known.keys.sorted()
            let target = ids.randomElement(using: &random)
            let operation = ids.isEmpty ? 0 : Int.random(in: 0..<10, using: &random)
            let touched: ProductId
            switch (operation, target) {
            case (0...2, _), (_, nil):
                let product = products.randomElement(using: &random)!
                let rating = Int.random(in: 1...5, using: &random)
                let review = try service.posted(Service.submission(product: product, rating: rating))
                known[review.id] = Known(product: product, rating: rating)
                touched = product
            case (3...4, let id?):
                let review = try service.activate(id)
                known[id]!.moderated = true
                known[id]!.active = true
                #expect(review.published)
                touched = review.productId
            case (5...6, let id?):
                let rating = Int.random(in: 1...5, using: &random)
                let review = try service.edit(id, ReviewChange(rating: rating))
                known[id]!.rating = rating
                known[id]!.moderated = true
                #expect(review.rating == rating && review.published == known[id]!.published)
                touched = review.productId
            case (7...8, let id?):
                let review = try service.edit(id, ReviewChange(active: false))
                known[id]!.active = false
                known[id]!.moderated = true
                #expect(!review.published)
                touched = review.productId
            case (_, let id?):
                try service.delete(id)
                touched = known.removeValue(forKey: id)!.product
            }
            for product in products {
                let summary = try service.summary(product)
                let expected = Self.expected(product, from: known)
                #expect(
                    summary.histogram.counts == expected.counts, "seed \(seed) step \(step) \(product) (\(touched))")
                #expect(summary.count == expected.counts.reduce(0, +), "seed \(seed) step \(step)")
                #expect(summary.ratingSum == expected.sum, "seed \(seed) step \(step)")
                #expect(
                    summary.average.map { Int64(($0 * 100).rounded()) } == expected.hundredths,
                    "seed \(seed) step \(step)")
            }
        }
        // And the public listing shows exactly the reviews counted.
        for product in products {
            let listed = try service.walk(
                "/products/\(product.text)/reviews", limit: 25, as: Service.anonymous, of: PublicReview.self)
            let published = known.filter { $0.value.product == product && $0.value.published }
            #expect(Set(listed.map(\.id)) == Set(published.keys))
            #expect(listed.count == published.count)
        }
    }
}
