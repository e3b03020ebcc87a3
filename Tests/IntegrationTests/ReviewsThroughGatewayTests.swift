import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// Reviews as the shop uses them, every process real: the storefront posts, the admin activates,
/// anyone reads the product's page, loyalty awards the review's points once, and an order the
/// storefront reports marks the review a verified purchase.
@Suite(.serialized)
struct ReviewsThroughGatewayTests {
    static let review = ReviewSubmission(
        productId: "kubek-1", productName: "Kubek", rating: 4, comment: "Dobry kubek, trzyma ciepło.",
        authorName: "Ewa", customerId: "rev-c-1")

    static func order(status: OrderStatus) -> OrderDocument {
        OrderDocument(
            customerId: "rev-c-1",
            buyer: Buyer(
                name: "Ewa Nowak", street: "Krótka 1", postcode: "00-001", city: "Warszawa", email: "ewa@example.pl",
                phone: "+48 600 000 000"),
            currency: "PLN",
            lines: [OrderLine(productId: "kubek-1", name: "Kubek", quantity: 1, unitNet: 1_000, unitGross: 1_230)],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 1_000, totalGross: 1_230, status: status,
            placedAt: Date())
    }

    @Test func postedReview_IsHiddenUntilActivated_ThenPublic_EarnsPointsOnce_AndIsVerifiedByTheOrder() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let admin = SuiteHarness.adminKey
        let rule = LoyaltyRule(name: "Za opinię", action: .reviewPublished, award: .fixed(points: 25))
        #expect(try suite.gateway.json(.post, "/api/v1/loyalty/rules", rule, token: admin).status == .created)

        let posted = try suite.gateway.json(
            .post, "/api/v1/reviews/reviews", Self.review, token: SuiteHarness.storefrontKey)
        #expect(posted.status == .created, "\(posted.text)")
        let review = try posted.decode(Review.self)
        #expect(!review.published && !review.verifiedPurchase)
        let page = "/api/v1/reviews/products/kubek-1/reviews"
        #expect(try suite.gateway.request(.get, page).decode(Page<PublicReview>.self).items.isEmpty)
        #expect(try suite.gateway.request(.get, "/api/v1/reviews/reviews").status == .unauthorized)

        let activated = try suite.gateway.request(
            .post, "/api/v1/reviews/reviews/\(review.id)/activation", token: admin)
        #expect(try activated.decode(Review.self).published)
        let shown = try suite.gateway.request(.get, page)
        #expect(try shown.decode(Page<PublicReview>.self).items.map(\.id) == [review.id])
        #expect(!shown.text.contains("rev-c-1"), "the public page names no customer id")
        let summary = try suite.gateway.request(.get, "/api/v1/reviews/products/kubek-1/summary")
            .decode(RatingSummary.self)
        #expect(summary.count == 1 && summary.average == 4)

        let points = "/api/v1/loyalty/customers/rev-c-1"
        #expect(
            eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
                (try? suite.gateway.request(.get, points, token: admin).decode(CustomerPoints.self).points) == 25
            })
        // Hidden and shown again: no second award.
        let hide = try suite.gateway.json(
            .patch, "/api/v1/reviews/reviews/\(review.id)", ReviewChange(active: false), token: admin)
        #expect(try !hide.decode(Review.self).published)
        _ = try suite.gateway.request(.post, "/api/v1/reviews/reviews/\(review.id)/activation", token: admin)

        let paid = try suite.gateway.json(
            .put, "/api/v1/orders/REV-1", Self.order(status: .paid), token: SuiteHarness.storefrontKey)
        #expect(paid.status == .accepted, "\(paid.text)")
        #expect(
            eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
                (try? suite.gateway.request(.get, page).decode(Page<PublicReview>.self).items.first?.verifiedPurchase)
                    == true
            })
        let history = try suite.gateway.request(.get, points + "/history", token: admin)
            .decode(Page<HistoryEntry>.self)
        #expect(history.items.filter { $0.cause.reviewId == String(review.id) }.count == 1)
    }

    @Test func aCustomerToken_PostsOnlyAsItsCustomer() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let token = try suite.gateway.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: "rev-c-2"),
            token: SuiteHarness.storefrontKey
        ).decode(CustomerToken.self).token
        var other = Self.review
        other.customerId = "rev-c-1"
        #expect(try suite.gateway.json(.post, "/api/v1/reviews/reviews", other, token: token).status == .forbidden)
        var own = Self.review
        own.customerId = nil
        let posted = try suite.gateway.json(.post, "/api/v1/reviews/reviews", own, token: token)
        #expect(posted.status == .created, "\(posted.text)")
        #expect(try posted.decode(Review.self).customerId == "rev-c-2")
    }
}
