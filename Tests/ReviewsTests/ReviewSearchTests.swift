import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import ReviewsCore

/// The admin's search finds any part of a comment in any letter case, taking every character
/// literally, combines its filters, and pages through every match once, newest first: each answer
/// is compared with a brute-force filter of the reviews posted.
@Suite struct ReviewSearchTests {
    typealias Service = ReviewsTestService

    static let comments = [
        "Mój żółw uwielbia ten kubek.", "ŻÓŁTY KUBEK, ŻÓŁW NA DNIE", "Zwykły kubek", "Kubek i spodek",
        #"Napis "Mama" się ściera"#, "Kawa AND herbata smakują", "Kubek* z gwiazdką", "NEAR(kubek, dno) też",
        "ok", "ąę", "Gęś w kratkę", "Świetny! 5/5", "Sałata - zielona", "tea OR coffee", "a\nb\tc",
        "Kubek \"quoted\" AND *", "ŁÓDŹ", "łódź nad morzem", "x", "Solidny kubek, polecam.",
        "100% bawełny_organicznej",
    ]

    /// Posts the corpus over three products and three customers, a minute apart, with some
    /// reviews activated and some hidden again; returns every review as it now stands.
    static func corpus(_ service: Service) throws -> [Review] {
        var reviews: [Review] = []
        for (index, comment) in comments.enumerated() {
            // Each customer reviews a product once: (index % 3, index / 3) differ for every index.
            let customer = index % 4 == 3 ? nil : CustomerId("c-\(index / 3)")
            let product = ProductId("p-\(index % 3)")!
            var review = try service.posted(
                Service.submission(product: product, rating: index % 5 + 1, comment: comment, customer: customer))
            if index % 3 == 0 { review = try service.activate(review.id) }
            if index % 6 == 3 { review = try service.edit(review.id, ReviewChange(active: false)) }
            if index % 7 == 5 { review = try service.edit(review.id, ReviewChange(rating: 3)) }
            // The index follows an edited comment: the old text is no longer found.
            if comment.hasPrefix("Gęś") { review = try service.edit(review.id, ReviewChange(comment: "Gęś w paski")) }
            reviews.append(review)
            service.clock.advance(seconds: 60)
        }
        return reviews
    }

    /// The ids the search at `query` lists, walked `limit` at a time.
    static func search(_ service: Service, _ query: String, limit: Int = 4) throws -> [Int64] {
        try service.walk("/reviews?" + query, limit: limit, of: Review.self).map(\.id)
    }

    /// Newest first.
    static func ids(_ reviews: [Review]) -> [Int64] { reviews.map(\.id).sorted(by: >) }

    static let texts = [
        "żółw", "ŻÓŁW", "Żół", "ół", "Ł", "ŁÓDŹ", "kubek", "KUBEK", "ubek i", "k", "ok", "ąę", "Ę", "\"", "\"Mama\"",
        "AND", "a and h", "*", "Kubek*", "NEAR(", "NEAR(kubek", "OR", "tea OR", "5/5", "-", "- z", "\n", "b\tc",
        " ", "  ", "nie ma takiego", "ęś w", ")", "'", "%", "0%", "_", "y_o", "kratk", "w paski",
    ]

    @Test func text_FindsAnyPartOfTheComment_InAnyLetterCase_Literally() throws {
        let service = try Service()
        defer { service.stop() }
        let reviews = try Self.corpus(service)
        for text in Self.texts {
            let expected = Self.ids(reviews.filter { $0.comment.lowercased().contains(text.lowercased()) })
            let found = try Self.search(service, "q=" + Service.encoded(text))
            #expect(found == expected, "q=\(text.debugDescription)")
        }
        #expect(try Self.search(service, "q=").count == reviews.count, "an empty q filters nothing")
        #expect(try Self.search(service, "q=" + Service.encoded("ŻÓŁW")).count == 2)
    }

    @Test func theFilters_Combine() throws {
        let service = try Service()
        defer { service.stop() }
        let reviews = try Self.corpus(service)
        let dates = reviews.map(\.createdAt)
        var random = SeededGenerator(seed: 42)
        for round in 0..<60 {
            var query: [String] = []
            var matches = reviews
            if Bool.random(using: &random) {
                let text = ["kubek", "ł", "ó", "k", "ubek"].randomElement(using: &random)!
                query.append("q=" + Service.encoded(text))
                matches = matches.filter { $0.comment.lowercased().contains(text) }
            }
            if Bool.random(using: &random) {
                let from = dates.randomElement(using: &random)!
                query.append("from=" + Service.encoded(RFC3339.format(from)))
                matches = matches.filter { $0.createdAt >= from }
            }
            if Bool.random(using: &random) {
                let to = dates.randomElement(using: &random)!
                query.append("to=" + Service.encoded(RFC3339.format(to)))
                matches = matches.filter { $0.createdAt <= to }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let rating = Int.random(in: 1...5, using: &random)
                query.append("rating=\(rating)")
                matches = matches.filter { $0.rating == rating }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let product = ProductId("p-\(Int.random(in: 0...2, using: &random))")!
                query.append("productId=\(product.text)")
                matches = matches.filter { $0.productId == product }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let customer = CustomerId("c-\(Int.random(in: 0...6, using: &random))")!
                query.append("customerId=\(customer.text)")
                matches = matches.filter { $0.customerId == customer }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let moderated = Bool.random(using: &random)
                query.append("moderated=\(moderated)")
                matches = matches.filter { $0.moderated == moderated }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let active = Bool.random(using: &random)
                query.append("active=\(active)")
                matches = matches.filter { $0.active == active }
            }
            let text = query.joined(separator: "&")
            let limit = Int.random(in: 1...6, using: &random)
            #expect(try Self.search(service, text, limit: limit) == Self.ids(matches), "round \(round): \(text)")
        }
    }

    @Test func paging_WalksEveryMatchExactlyOnce_NewestFirst() throws {
        let service = try Service()
        defer { service.stop() }
        let reviews = try Self.corpus(service)
        let kubki = Self.ids(reviews.filter { $0.comment.lowercased().contains("kubek") })
        #expect(kubki.count > 5)
        for limit in [1, 2, 3, 5, kubki.count, kubki.count + 1, PageRequest.maxLimit] {
            #expect(try Self.search(service, "q=kubek", limit: limit) == kubki, "limit \(limit)")
            #expect(try Self.search(service, "active=false", limit: limit) == Self.ids(reviews.filter { !$0.active }))
        }
        #expect(try Self.search(service, "", limit: 7) == Self.ids(reviews))
    }

    @Test func aBadParameter_Is400NamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        try service.posted(Service.submission())
        for (parameter, value) in [
            ("rating", "6"), ("rating", "0"), ("rating", "pięć"), ("from", "yesterday"),
            ("to", "2027-13-01T00:00:00Z"), ("from", "2027-01-15"), ("moderated", "maybe"), ("active", "2"),
            ("limit", "0"), ("productId", "p 1"),
            ("q", String(repeating: "a", count: ReviewRules.maximumCommentLength + 1)),
        ] {
            let answer = try service.call(.get, "/reviews?\(parameter)=" + Service.encoded(value))
            #expect(answer.status == .badRequest, "\(parameter)=\(value.prefix(30)): \(answer.text)")
            #expect(
                answer.errorEnvelope?.error.details?["parameter"] == .string(parameter),
                "\(parameter)=\(value.prefix(30)): \(answer.text)")
        }
        #expect(try service.call(.get, "/reviews?cursor=abc").status == .badRequest)
    }
}
