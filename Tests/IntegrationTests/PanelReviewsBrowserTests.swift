import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The reviews' screens ("Komentarze/Oceny") in headless Chromium against the real suite: the
/// search by a part of the comment, the days and the flags, activating a review, editing its
/// rating, its history, deleting one after confirming. Screens are kept as PNGs under
/// `.build/panel-screenshots/`.
@Suite(.serialized)
struct PanelReviewsBrowserTests {
    /// Three reviews posted as the shop posts them, newest last; the first is by customer r-7, whose
    /// paid order for the mug makes it a verified purchase once the gateway has fanned it out.
    static func seed(_ suite: SuiteHarness) throws -> [Review] {
        let shop = SuiteHarness.storefrontKey
        let order = OrderDocument(
            customerId: "r-7",
            buyer: Buyer(
                name: "Anna Kowalska", street: "Długa 2", postcode: "00-002", city: "Warszawa",
                email: "anna@example.pl", phone: "+48 600 000 001"),
            currency: "PLN",
            lines: [OrderLine(productId: "kubek", name: "Kubek", quantity: 1, unitNet: 2_000, unitGross: 2_460)],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 2_000, totalGross: 2_460, status: .paid,
            placedAt: Date())
        try PanelBrowserTests.expectSuccess(suite.gateway.json(.put, "/api/v1/orders/REV-1", order, token: shop))
        let submissions = [
            ReviewSubmission(
                productId: "kubek", productName: "Kubek z logo", rating: 3,
                comment: "Solidny kubek, ale nadruk szybko się ściera.", authorName: "Anna", customerId: "r-7"),
            ReviewSubmission(
                productId: "kubek", productName: "Kubek z logo", rating: 5, comment: "Świetny kubek, polecam!",
                authorName: "Piotr"),
            ReviewSubmission(
                productId: "koszulka", productName: "Koszulka", rating: 2, comment: "Koszulka skurczyła się po praniu.",
                authorName: "Ewa"),
        ]
        var reviews: [Review] = []
        for (index, submission) in submissions.enumerated() {
            let posted = try suite.gateway.json(
                .post, "/api/v1/reviews/reviews", submission, token: shop,
                headers: ["Idempotency-Key": "panel-review-\(index)"]
            )
            try PanelBrowserTests.expectSuccess(posted)
            reviews.append(try posted.decode(Review.self))
        }
        let verified = try eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
            try review(reviews[0].id, in: suite)?.verifiedPurchase == true
        }
        #expect(verified, "the paid order never reached reviews")
        return reviews
    }

    /// Review `id` as the admin reads it through the gateway; nil once it is gone.
    static func review(_ id: Int64, in suite: SuiteHarness) throws -> Review? {
        let answer = try suite.gateway.request(.get, "/api/v1/reviews/reviews/\(id)", token: SuiteHarness.adminKey)
        if answer.status == .notFound { return nil }
        try PanelBrowserTests.expectSuccess(answer)
        return try answer.decode(Review.self)
    }

    @Test(.needsBrowser, .timeLimit(.minutes(2)))
    func admin_FindsAReview_ActivatesIt_EditsItsRating_ReadsItsHistory_AndDeletesAnother() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let reviews = try Self.seed(suite)
        let (worn, praised, shrunk) = (reviews[0].id, reviews[1].id, reviews[2].id)
        let window = try PanelWindow(suite)
        defer { window.close() }
        let (browser, shots) = (window.browser, PanelBrowserTests.screenshots)

        try window.signIn()
        let cookie = try #require(try browser.cookies()["zaplecze_session"])

        // The section in the menu; every review at first, newest first.
        try browser.click("nav.menu a[href='#/reviews/comments']")
        try browser.waitForText("main h1") { $0 == "Moderacja komentarzy" }
        let all = try browser.waitForText(".paged table") {
            $0.contains("Koszulka skurczyła") && $0.contains("Świetny kubek")
        }
        let order = ["Koszulka skurczyła", "Świetny kubek", "Solidny kubek"].compactMap {
            all.range(of: $0)?.lowerBound
        }
        #expect(order.count == 3 && order == order.sorted())

        // By a part of the comment in another letter case, typed and sent with Enter.
        try browser.type("#review-filters input[name=q]", "NADRUK\u{E007}")
        let found = try browser.waitForText(".paged table") { $0.contains("Solidny kubek") && !$0.contains("Świetny") }
        #expect(found.contains("Kubek z logo") && found.contains("Anna"))
        #expect(try browser.text("[data-moderated='\(worn)']") == "NIE")
        #expect(try browser.text("[data-active='\(worn)']") == "NIE")
        #expect(try browser.text("[data-verified='\(worn)']") == "zweryfikowany zakup")
        try browser.screenshot("\(shots)/30-reviews-search.png")

        // Activate: moderated and active at once, and the button goes.
        try browser.click("[data-activate='\(worn)']")
        try browser.waitForText("[data-active='\(worn)']") { $0 == "TAK" }
        #expect(try browser.text("[data-moderated='\(worn)']") == "TAK")
        let activate = try browser.execute(
            "return String(document.querySelector(arguments[0]) !== null);", ["[data-activate='\(worn)']"])
        #expect("\(activate)" == "false")

        // Edit: the rating from 3 to 5.
        try browser.click("[data-edit='\(worn)']")
        let comment = try browser.execute("return document.querySelector('dialog textarea[name=comment]').value;")
        #expect("\(comment)" == reviews[0].comment)
        try browser.choose("dialog select[name=rating]", "5")
        try browser.screenshot("\(shots)/31-reviews-edit.png")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("5 ★★★★★") }

        // The history: the posting, the activation and the edit, with who and each old → new value.
        try browser.click("[data-history='\(worn)']")
        try browser.waitForText("main h1") { $0 == "Historia komentarza #\(worn)" }
        let history = try browser.waitForText(".paged table") { $0.contains("edycja") }
        #expect(history.contains("admin:tester") && history.contains("storefront:shop"))
        #expect(history.contains("aktywacja") && history.contains("Moderowany: NIE → TAK"))
        #expect(history.contains("Ocena: 3 ★★★☆☆ → 5 ★★★★★"), "\(history)")
        #expect(try browser.text("#product-summary").contains("5★ 1 · 4★ 0"))
        try browser.screenshot("\(shots)/32-reviews-history.png")

        // Published, as the API tells the admin and the shop.
        let published = try #require(try Self.review(worn, in: suite))
        #expect(published.published && published.moderated && published.active && published.rating == 5)
        let summary = try suite.gateway.request(.get, "/api/v1/reviews/products/kubek/summary")
        let rated = try summary.decode(RatingSummary.self)
        #expect(rated.count == 1 && rated.average == 5)

        // The days posted: today finds them, a range ending yesterday none (the browser's own days).
        try browser.click("main a[href='#/reviews/comments']")
        try browser.waitForText(".paged table") { $0.contains("Koszulka skurczyła") }
        let today = "\(try browser.execute("const d = new Date(); return d.toLocaleDateString('sv');"))"
        let yesterday =
            "\(try browser.execute("const d = new Date(); d.setDate(d.getDate() - 1); return d.toLocaleDateString('sv');"))"
        try browser.choose("#review-filters input[name=from]", today)
        try browser.choose("#review-filters input[name=to]", today)
        try browser.click("#review-filters button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Koszulka skurczyła") && $0.contains("Świetny kubek") }
        try browser.choose("#review-filters input[name=from]", yesterday)
        try browser.choose("#review-filters input[name=to]", yesterday)
        try browser.click("#review-filters button[type=submit]")
        try browser.waitForText(".paged") { $0.contains("Brak komentarzy") }
        // Inactive ones only, of any day.
        try browser.choose("#review-filters input[name=from]", "")
        try browser.choose("#review-filters input[name=to]", "")
        try browser.choose("#review-filters select[name=active]", "false")
        try browser.click("#review-filters button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Świetny kubek") && !$0.contains("Solidny kubek") }

        // Delete, once the admin confirms.
        try browser.click("[data-delete='\(shrunk)']")
        let question = try browser.acceptPrompt()
        #expect(question.contains("Ewa") && question.contains("Koszulka"), "\(question)")
        try browser.waitForText(".paged table") { !$0.contains("Koszulka skurczyła") && $0.contains("Świetny kubek") }
        try browser.screenshot("\(shots)/33-reviews-deleted.png")
        #expect(try Self.review(shrunk, in: suite) == nil)

        // The session's cookie without its CSRF token changes nothing.
        for (method, path) in [
            (HTTPMethod.post, "/api/v1/reviews/reviews/\(praised)/activation"),
            (.delete, "/api/v1/reviews/reviews/\(praised)"),
        ] {
            let refused = try suite.gateway.request(method, path, headers: ["Cookie": "zaplecze_session=\(cookie)"])
            #expect(refused.status == .forbidden, "\(method) \(path)")
            #expect(refused.errorEnvelope?.error.code == "csrf_token_invalid")
        }
        let untouched = try #require(try Self.review(praised, in: suite))
        #expect(!untouched.active && !untouched.moderated)

        // English.
        try browser.choose("#language", "en")
        try browser.waitForText("main h1") { $0 == "Review moderation" }
        try browser.waitForText(".paged table") { $0.contains("verified purchase") && $0.contains("YES") }
        try browser.screenshot("\(shots)/34-reviews-en.png")
    }
}
