import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The discount codes' screens in headless Chromium against the real suite: generating a
/// campaign from a mask with its preview, its details once ready, downloading its CSV, switching
/// codes off from the list, the search, the statistics and the assignment form. Screens are kept
/// as PNGs under `.build/panel-screenshots/`.
@Suite(.serialized)
struct PanelDiscountsBrowserTests {
    @Test(.needsBrowser, .timeLimit(.minutes(2)))
    func admin_GeneratesACampaignFromAMask_DownloadsItsCodes_AndSwitchesCodesOff() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let window = try PanelWindow(suite)
        defer { window.close() }
        let (browser, base, shots) = (window.browser, window.base, PanelBrowserTests.screenshots)

        try window.signIn()

        // Generate codes: basic data on the first tab, the mask and its preview on the second.
        try browser.open("\(base)#/discounts/campaigns/new")
        try browser.type("#campaign-form input[name=name]", "Wiosenna promocja")
        try browser.type("#campaign-form input[name=count]", "120")
        try browser.type("#campaign-form input[name=discountValue]", "15")
        try browser.click("#tab-1")
        try browser.type("#campaign-form input[name=mask]", "A<NUM:1000>")
        let preview = try browser.waitForText("#preview-codes") { $0.contains("A1000") }
        #expect(preview.contains("A1001"))
        try browser.screenshot("\(shots)/20-discounts-generate.png")
        // A mask that cannot give 120 codes is refused with its position, on the generator tab.
        try browser.type("#campaign-form input[name=mask]", "B<RAND:1:9")
        try browser.click("#campaign-form button[type=submit]")
        let refusal = try browser.waitForText("#campaign-form .notice.error") { !$0.isEmpty }
        #expect(refusal.contains("Position"), "\(refusal)")
        try browser.type("#campaign-form input[name=mask]", "A<NUM:1000>")
        try browser.click("#campaign-form button[type=submit]")

        // The campaign's details once its codes exist.
        try browser.waitForText("main h1") { $0 == "Wiosenna promocja" }
        try browser.waitForText("#campaign-status") { $0.contains("gotowa") }
        #expect(try browser.text("main .figures").contains("15"))
        try browser.screenshot("\(shots)/21-discounts-campaign.png")

        // Download (CSV): the link serves every code with the session cookie.
        let csv = try browser.execute(
            """
            const link = document.querySelector('a[data-csv]');
            const request = new XMLHttpRequest();
            request.open('GET', link.href, false);
            request.send();
            return request.status + '\\n' + request.responseText;
            """)
        // CSV rows end in CRLF, which Swift reads as one character: split on any line break.
        let lines = "\(csv)".split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.first == "200")
        #expect(lines.dropFirst().first == "code,customerId,orderNumber,usedAt,active")
        #expect(lines.count == 2 + 120)
        #expect(lines.contains { $0.hasPrefix("A1119,") })

        // List: select all on the page and switch them off.
        try browser.click("a[href$='/codes']")
        try browser.waitForText(".paged table") { $0.contains("A1000") }
        try browser.click("#select-all")
        try browser.click("#deactivate")
        try browser.waitForText(".notice.success") { $0.contains("50") }
        try browser.screenshot("\(shots)/22-discounts-codes.png")
        let campaigns = try suite.gateway.request(
            .get, "/api/v1/discounts/campaigns?name=wiosenna", token: SuiteHarness.adminKey)
        let campaign = try #require(try campaigns.decode(Page<Campaign>.self).items.first)
        let inactive = try suite.gateway.request(
            .get, "/api/v1/discounts/campaigns/\(campaign.id)/codes?active=false&limit=500",
            token: SuiteHarness.adminKey)
        #expect(try inactive.decode(Page<CampaignCode>.self).items.count == 50)

        // The search with the seed's columns, the statistics and the assignment form.
        try browser.open("\(base)#/discounts/campaigns")
        try browser.type("#campaign-filters input[name=name]", "WIOSENNA\u{E007}")
        try browser.waitForText(".paged table") { $0.contains("Wiosenna promocja") && $0.contains("120") }
        try browser.screenshot("\(shots)/23-discounts-search.png")
        try browser.open("\(base)#/discounts/campaigns/\(campaign.id)/stats")
        try browser.waitForText("main .figures") { $0.contains("0,00 zł") }
        try browser.screenshot("\(shots)/24-discounts-stats.png")
        try browser.open("\(base)#/discounts/campaigns/\(campaign.id)/assign")
        try browser.click("#assign-form button[type=submit]")
        try browser.waitForText("#assign-result .notice.error") { $0.contains("kryterium") }
        try browser.screenshot("\(shots)/25-discounts-assign.png")
    }
}
