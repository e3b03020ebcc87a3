import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The back-office panel in headless Chromium against the real suite: signing in, an earning
/// rule with its live preview, "Manage points", the "Exchanged" switch, the language switch and
/// signing out. Each screen is kept as a PNG under `.build/panel-screenshots/`.
@Suite(.serialized)
struct PanelBrowserTests {
    /// `.build/panel-screenshots`, found from the test binary's place in `.build`.
    static var screenshots: String {
        var url = URL(fileURLWithPath: BuiltExecutables.directory)
        while url.lastPathComponent != ".build" && url.path != "/" { url.deleteLastPathComponent() }
        if url.path == "/" { url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/.build") }
        return url.appendingPathComponent("panel-screenshots").path
    }

    /// A customer with points and two exchange orders waiting, set up through the public API.
    static func seed(_ suite: SuiteHarness) throws -> (Int64, Int64) {
        let admin = SuiteHarness.adminKey
        var program = LoyaltyProgram.default
        program.rewardEligibility = .allExceptExcluded
        try expectSuccess(suite.gateway.json(.put, "/api/v1/loyalty/program", program, token: admin))
        let reward = RewardInput(productId: "kubek", name: "Kubek z logo", moneyPrice: 2_000, currency: "PLN")
        try expectSuccess(suite.gateway.json(.post, "/api/v1/loyalty/rewards", reward, token: admin))
        let credit = PointsAdjustmentRequest(points: 500, reason: "Punkty powitalne")
        try expectSuccess(suite.gateway.json(.post, "/api/v1/loyalty/customers/c-42/adjustments", credit, token: admin))
        let order = ExchangeOrderRequest(items: [ExchangeOrderItemRequest(productId: "kubek", quantity: 1)])
        var ids: [Int64] = []
        for _ in 0..<2 {
            let placed = try suite.gateway.json(
                .post, "/api/v1/loyalty/customers/c-42/exchange-orders", order, token: SuiteHarness.storefrontKey)
            try expectSuccess(placed)
            ids.append(try placed.decode(ExchangeOrder.self).id)
        }
        return (ids[0], ids[1])
    }

    static func expectSuccess(_ response: HTTPClientResponse) throws {
        guard response.status.code < 300 else { throw HarnessError("\(response.status): \(response.text)") }
    }

    @Test(.needsBrowser, .timeLimit(.minutes(2)))
    func admin_SignsIn_PreviewsARule_ManagesPoints_MarksAnExchange_AndSignsOut() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let (orderId, rejectedId) = try Self.seed(suite)
        let window = try PanelWindow(suite)
        defer { window.close() }
        let (browser, base, shots) = (window.browser, window.base, Self.screenshots)

        // Signing in: the key goes into the form once and is gone from the page afterwards.
        try browser.open(base)
        try browser.type("#signin input[name=key]", "wrong-key-0123456789")
        try browser.click("#signin button[type=submit]")
        let refusal = try browser.waitForText("#signin .notice.error") { !$0.isEmpty }
        #expect(refusal.contains("not valid"))
        try browser.screenshot("\(shots)/01-sign-in.png")
        // By keyboard alone: the key, then Enter.
        try browser.type("#signin input[name=key]", SuiteHarness.adminKey + "\u{E007}")
        try browser.waitForText(".topbar .who") { $0.contains("tester") }
        let cookie = try #require(try browser.cookies()["zaplecze_session"])
        let stored = try browser.execute("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage);")
        #expect(!"\(stored)".contains(SuiteHarness.adminKey))

        // Exchange orders, the first screen: the order waits with Exchanged: NO.
        try browser.waitForText("main h1") { $0 == "Wymiana punktów na produkty" }
        let toggle = "button.switch[data-order='\(orderId)']"
        try browser.waitForText(toggle) { $0.contains("NIE") }
        try browser.screenshot("\(shots)/02-exchange-orders.png")
        try browser.click(toggle)
        try browser.waitForText(toggle) { $0.contains("TAK") }
        let marked = try suite.gateway.request(
            .get, "/api/v1/loyalty/exchange-orders/\(orderId)", token: SuiteHarness.adminKey)
        #expect(try marked.decode(ExchangeOrder.self).exchanged == true)
        try browser.screenshot("\(shots)/03-exchange-marked.png")
        // Rejecting the other order gives its points back.
        try browser.click("button[data-reject='\(rejectedId)']")
        try browser.type("dialog textarea[name=reason]", "Brak towaru")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText("button.switch[data-order='\(rejectedId)']") { _ in true }
        try browser.waitForText(".paged table") { $0.contains("odrzucone") }
        let rejected = try suite.gateway.request(
            .get, "/api/v1/loyalty/exchange-orders/\(rejectedId)", token: SuiteHarness.adminKey)
        #expect(try rejected.decode(ExchangeOrder.self).status == .rejected)

        // An earning rule: 103,93 / 5 gives 20, 21 and 30 as the rounding changes.
        try browser.open("\(base)#/loyalty/rules")
        try browser.click("#new-rule")
        try browser.type("#rule-form input[name=name]", "Punkty za zamówienia")
        try browser.waitForText("#preview-result") { $0.contains("20 pkt") }
        #expect(try browser.text("#preview-result").contains("103,93 zł"))
        try browser.choose("#rule-form select[name=rounding]", "nearest")
        try browser.waitForText("#preview-result") { $0.contains("21 pkt") }
        try browser.choose("#rule-form select[name=rounding]", "up")
        try browser.choose("#rule-form select[name=roundTo]", "10")
        try browser.waitForText("#preview-result") { $0.contains("30 pkt") }
        try browser.screenshot("\(shots)/04-rule-preview.png")
        try browser.click("#rule-form button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Punkty za zamówienia") }
        try browser.screenshot("\(shots)/05-rules.png")

        // Manage points: 150 added with a reason; the balance and the history follow at once.
        try browser.open("\(base)#/loyalty/customers/c-42")
        try browser.waitForText("#points") { $0 == "480" }
        try browser.click("#manage-points")
        try browser.type("dialog input[name=amount]", "150")
        try browser.type("dialog textarea[name=reason]", "Przeprosiny za opóźnioną paczkę")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText("#points") { $0 == "630" }
        try browser.waitForText(".card:last-of-type table") { $0.contains("Przeprosiny za opóźnioną paczkę") }
        try browser.screenshot("\(shots)/06-customer.png")
        // More than the balance: the dialog stays open with the API's own message.
        try browser.click("#manage-points")
        try browser.type("dialog input[name=amount]", "10000")
        try browser.click("#operation-subtract")
        try browser.type("dialog textarea[name=reason]", "Za dużo")
        try browser.click("dialog button[type=submit]")
        let shortfall = try browser.waitForText("dialog .notice.error") { !$0.isEmpty }
        #expect(shortfall.lowercased().contains("points"), "\(shortfall)")
        try browser.screenshot("\(shots)/07-customer-error.png")
        #expect(try browser.text("#points") == "630")
        // Corrected in the same dialog, it goes through (a new body is a new Idempotency-Key).
        try browser.type("dialog input[name=amount]", "30")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText("#points") { $0 == "600" }

        // The remaining screens, and English.
        try browser.open("\(base)#/loyalty/rewards")
        try browser.waitForText(".paged table") { $0.contains("Kubek z logo") && $0.contains("20,00 zł") }
        try browser.click("#new-reward")
        try browser.type("dialog input[name=productId]", "koszulka")
        try browser.type("dialog input[name=name]", "Koszulka")
        try browser.type("dialog input[name=moneyPrice]", "49,99")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Koszulka") && $0.contains("49,99 zł") }
        // A reward priced in points alone: no money price, so no currency is sent either.
        try browser.click("#new-reward")
        try browser.type("dialog input[name=productId]", "naklejka")
        try browser.type("dialog input[name=name]", "Naklejka")
        try browser.type("dialog input[name=pointsPrice]", "15")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Naklejka") }
        try browser.screenshot("\(shots)/08-rewards.png")
        try browser.open("\(base)#/loyalty/program")
        try browser.element("#program-form select[name=rewardEligibility]")
        try browser.screenshot("\(shots)/09-program.png")
        try browser.choose("#language", "en")
        try browser.waitForText("main h1") { $0 == "Programme settings" }
        try browser.open("\(base)#/loyalty/exchange-orders")
        try browser.waitForText(toggle) { $0.contains("YES") }
        try browser.screenshot("\(shots)/10-exchange-orders-en.png")
        // A tablet: the menu moves above the content and the table still fits.
        try browser.resize(width: 820, height: 1180)
        try browser.open("\(base)#/loyalty/customers/c-42")
        try browser.waitForText("#points") { $0 == "600" }
        try browser.screenshot("\(shots)/11-customer-tablet.png")

        // Signing out ends the session on the server: the old cookie no longer opens anything.
        try browser.click("#signout")
        try browser.element("#signin")
        let after = try suite.gateway.request(
            .get, "/api/v1/loyalty/program", headers: ["Cookie": "zaplecze_session=\(cookie)"])
        #expect(after.status == .unauthorized)
    }
}
