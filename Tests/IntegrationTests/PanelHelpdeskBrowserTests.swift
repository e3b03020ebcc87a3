import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The helpdesk's screens ("BOK") in headless Chromium against the real suite: the thread search
/// by a part of the subject and by status, a thread answered with a standard reply the admin
/// edited, an internal note the customer never sees, "Ustaw status" with its history, the texts
/// for the helpdesk and the figures. Screens are kept as PNGs under `.build/panel-screenshots/`.
@Suite(.serialized)
struct PanelHelpdeskBrowserTests {
    static let customer: CustomerId = "h-7"

    /// Two threads opened as the storefront opens them (the first by customer h-7, the second a
    /// guest's), and a standard reply with placeholders saved by the admin.
    static func seed(_ suite: SuiteHarness) throws -> (
        parcel: ThreadDetail, invoice: ThreadDetail, reply: StandardReply
    ) {
        let openings = [
            ThreadOpening(
                orderNumber: "ZAM-1001", customerId: customer, email: "anna@example.pl",
                subject: "Uszkodzona paczka przy dostawie", message: "Paczka przyszła zgnieciona, kubek jest pęknięty."),
            ThreadOpening(
                orderNumber: "ZAM-1002", email: "piotr@example.pl", subject: "Pytanie o fakturę",
                message: "Czy mogę dostać fakturę na firmę?"),
        ]
        var threads: [ThreadDetail] = []
        for (index, opening) in openings.enumerated() {
            let opened = try suite.gateway.json(
                .post, "/api/v1/helpdesk/threads", opening, token: SuiteHarness.storefrontKey,
                headers: ["Idempotency-Key": "panel-thread-\(index)"])
            try PanelBrowserTests.expectSuccess(opened)
            threads.append(try opened.decode(ThreadDetail.self))
        }
        let input = StandardReplyInput(
            title: "Przeprosiny za uszkodzenie",
            body: "Dzień dobry,\nprzepraszamy za uszkodzoną paczkę z zamówienia {orderNumber}; wyślemy nowy kubek.")
        let saved = try suite.gateway.json(
            .post, "/api/v1/helpdesk/standard-replies", input, token: SuiteHarness.adminKey)
        try PanelBrowserTests.expectSuccess(saved)
        return (threads[0], threads[1], try saved.decode(StandardReply.self))
    }

    /// Thread `id` as `token` reads it through the gateway.
    static func thread(_ id: Int64, token: String, in suite: SuiteHarness) throws -> ThreadDetail {
        let answer = try suite.gateway.request(.get, "/api/v1/helpdesk/threads/\(id)", token: token)
        try PanelBrowserTests.expectSuccess(answer)
        return try answer.decode(ThreadDetail.self)
    }

    @Test(.needsBrowser, .timeLimit(.minutes(3)))
    func admin_FindsAThread_RepliesWithAStandardReply_SavesANote_AndForwardsIt() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let (parcel, invoice, reply) = try Self.seed(suite)
        let (id, otherId) = (parcel.thread.id, invoice.thread.id)
        let window = try PanelWindow(suite)
        defer { window.close() }
        let (browser, base, shots) = (window.browser, window.base, PanelBrowserTests.screenshots)

        try window.signIn()
        let cookie = try #require(try browser.cookies()["zaplecze_session"])

        // The section in the menu; no criteria lists every thread, newest first.
        try browser.click("nav.menu a[href='#/helpdesk/threads']")
        try browser.waitForText("main h1") { $0 == "Wątki" }
        let all = try browser.waitForText(".paged table") {
            $0.contains("Uszkodzona paczka") && $0.contains("Pytanie o fakturę")
        }
        let newestFirst = ["Pytanie o fakturę", "Uszkodzona paczka"].compactMap { all.range(of: $0)?.lowerBound }
        #expect(newestFirst.count == 2 && newestFirst == newestFirst.sorted())

        // By a part of the subject in another letter case, sent with Enter.
        try browser.type("#thread-filters input[name=subject]", "PACZKA\u{E007}")
        let found = try browser.waitForText(".paged table") { $0.contains("Uszkodzona") && !$0.contains("fakturę") }
        #expect(found.contains("anna@example.pl") && found.contains("ZAM-1001"))
        #expect(try browser.text("[data-status='\(id)']") == "Zgłoszono")
        try browser.screenshot("\(shots)/40-helpdesk-search.png")

        // Show: the thread with the customer's message.
        try browser.click("[data-show='\(id)']")
        try browser.waitForText("main h1") { $0 == "Wątek \(id): Uszkodzona paczka przy dostawie" }
        try browser.waitForText("#messages") { $0.contains("kubek jest pęknięty") }
        #expect(try browser.text("#thread-status") == "Zgłoszono")
        try browser.waitForText("#reply-form .paged table") { $0.contains("Przeprosiny za uszkodzenie") }
        try browser.screenshot("\(shots)/41-helpdesk-thread.png")

        // A standard reply picked fills the text with the thread's values; the admin adds a line.
        try browser.click("[data-pick='\(reply.id)']")
        let filled = "\(try browser.execute("return document.querySelector('#reply-form textarea').value;"))"
        #expect(filled == "Dzień dobry,\nprzepraszamy za uszkodzoną paczkę z zamówienia ZAM-1001; wyślemy nowy kubek.")
        #expect(try browser.text("#picked-reply").contains("Przeprosiny za uszkodzenie"))
        let edited = filled + "\nPozdrawiamy, Ewa"
        try browser.type("#reply-form textarea", edited)
        try browser.screenshot("\(shots)/42-helpdesk-reply.png")
        try browser.click("#send-reply")
        try browser.waitForText("#thread-status") { $0 == "Odpowiedź operatora" }
        try browser.waitForText("#messages") { $0.contains("Pozdrawiamy, Ewa") }
        #expect(try browser.text("main .notice.success").contains("Wysłano odpowiedź"))

        // A note: kept apart as internal, and the status stays.
        try browser.type("#reply-form textarea", "Klient dzwonił; nowy kubek wyjdzie w poniedziałek.")
        try browser.click("#save-note")
        let note = try browser.waitForText("[data-note='true']") { $0.contains("nowy kubek wyjdzie") }
        #expect(note.contains("Notatka wewnętrzna"))
        #expect(try browser.text("#thread-status") == "Odpowiedź operatora")
        try browser.screenshot("\(shots)/43-helpdesk-note.png")

        // Set status: forwarded to sales, in the history with who did it.
        try browser.choose("#status-form select[name=status]", "forwardedSales")
        try browser.click("#status-form button[type=submit]")
        try browser.waitForText("#thread-status") { $0 == "Przekazano do Działu Handlowego" }
        let history = try browser.text("#status-history")
        #expect(history.contains("Odpowiedź operatora → Przekazano do Działu Handlowego"), "\(history)")
        #expect(history.contains("admin:tester") && history.contains("storefront:shop"))
        try browser.screenshot("\(shots)/44-helpdesk-status.png")

        // The API: the admin's reply went with the edited text and its standard reply; the customer
        // reads the reply but neither the note nor the status history.
        let seen = try Self.thread(id, token: SuiteHarness.adminKey, in: suite)
        #expect(seen.thread.status == .forwardedSales && seen.messages.count == 3)
        let sent = try #require(seen.messages.first { $0.from == .operator && !$0.note })
        #expect(sent.body == edited && sent.standardReplyId == reply.id)
        let token = try suite.gateway.json(
            .post, "/api/v1/auth/customer-tokens", CustomerTokenRequest(customerId: Self.customer),
            token: SuiteHarness.storefrontKey
        ).decode(CustomerToken.self).token
        let customers = try Self.thread(id, token: token, in: suite)
        #expect(customers.messages.map(\.body) == [parcel.messages[0].body, edited])
        #expect(!customers.messages.contains { $0.note } && customers.statusChanges.isEmpty)

        // Back to the search, which kept its criteria; by status.
        try browser.click("main a[href='#/helpdesk/threads']")
        try browser.waitForText(".paged table") { $0.contains("Uszkodzona") }
        let kept = try browser.execute("return document.querySelector('#thread-filters input[name=subject]').value;")
        #expect("\(kept)" == "PACZKA")
        try browser.choose("#thread-filters input[name=subject]", "")
        try browser.choose("#thread-filters select[name=status]", "reported")
        try browser.click("#thread-filters button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Pytanie o fakturę") && !$0.contains("Uszkodzona") }

        // Texts for the helpdesk: a placeholder that is none is refused with the API's message;
        // a text is added, renamed and deleted after confirming.
        try browser.click("nav.menu a[href='#/helpdesk/standard-replies']")
        try browser.waitForText("main h1") { $0 == "Teksty dla BOK" }
        try browser.waitForText(".paged table") { $0.contains("Przeprosiny za uszkodzenie") }
        try browser.click("#new-reply")
        try browser.type("dialog input[name=title]", "Faktura")
        try browser.type("dialog textarea[name=body]", "Fakturę do zamówienia {numer} wyślemy na {email}.")
        try browser.click("dialog button[type=submit]")
        let refused = try browser.waitForText("dialog .notice.error") { !$0.isEmpty }
        #expect(refused.contains("{numer}"), "\(refused)")
        try browser.type("dialog textarea[name=body]", "Fakturę do zamówienia {orderNumber} wyślemy na {email}.")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Faktura") }
        try browser.screenshot("\(shots)/45-helpdesk-texts.png")
        let replies = try suite.gateway.request(.get, "/api/v1/helpdesk/standard-replies", token: SuiteHarness.adminKey)
        let added = try #require(try replies.decode(Page<StandardReply>.self).items.first { $0.title == "Faktura" })
        try browser.click("[data-edit='\(added.id)']")
        try browser.type("dialog input[name=title]", "Faktura VAT")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Faktura VAT") }
        try browser.click("[data-delete='\(added.id)']")
        #expect(try browser.acceptPrompt().contains("Faktura VAT"))
        try browser.waitForText(".paged table") { !$0.contains("Faktura VAT") && $0.contains("Przeprosiny") }

        // The figures: one thread answered, and the open threads per status.
        try browser.click("nav.menu a[href='#/helpdesk/stats']")
        try browser.waitForText("main h1") { $0 == "Statystyki BOK" }
        let open = try browser.waitForText("#open-by-status") { $0.contains("Przekazano do Działu Handlowego") }
        #expect(open.contains("Zgłoszono 1") && open.contains("Przekazano do Działu Handlowego 1"), "\(open)")
        #expect(try browser.text("#first-response").contains("Wątki z odpowiedzią\n1"))
        try browser.screenshot("\(shots)/46-helpdesk-stats.png")

        // The session's cookie without its CSRF token changes nothing.
        let session: HTTPHeaders = ["Cookie": "zaplecze_session=\(cookie)"]
        for (method, path, body) in [
            (HTTPMethod.post, "/api/v1/helpdesk/threads/\(otherId)/messages", #"{"body":"x","kind":"note"}"#),
            (.put, "/api/v1/helpdesk/threads/\(otherId)/status", #"{"status":"closed"}"#),
            (.delete, "/api/v1/helpdesk/standard-replies/\(reply.id)", ""),
        ] {
            let refused = try suite.gateway.request(method, path, body: Array(body.utf8), headers: session)
            #expect(refused.status == .forbidden, "\(method) \(path)")
            #expect(refused.errorEnvelope?.error.code == "csrf_token_invalid")
        }
        let untouched = try Self.thread(otherId, token: SuiteHarness.adminKey, in: suite)
        #expect(untouched.thread.status == .reported && untouched.messages.count == 1)
        let stillSaved = try suite.gateway.request(
            .get, "/api/v1/helpdesk/standard-replies/\(reply.id)", token: SuiteHarness.adminKey)
        #expect(stillSaved.status == .ok)

        // English: the thread with its note marked internal.
        try browser.choose("#language", "en")
        try browser.open("\(base)#/helpdesk/threads/\(id)")
        try browser.waitForText("main h1") { $0 == "Thread \(id): Uszkodzona paczka przy dostawie" }
        #expect(try browser.text("[data-note='true']").contains("Internal note"))
        #expect(try browser.text("#thread-status") == "Forwarded to Sales")
        try browser.screenshot("\(shots)/47-helpdesk-thread-en.png")
    }
}
