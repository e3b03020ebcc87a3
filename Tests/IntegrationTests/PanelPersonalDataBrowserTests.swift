import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// The personal data's screens ("Dane osobowe") in headless Chromium against the real suite: the
/// search by a part of the name with its two sections, Show with the access log entry it leaves,
/// a disclosure added and edited (and one of an order deleted), the report link, the export, and
/// the erasure confirmed by typing the customer id, with its progress. Screens are kept as PNGs
/// under `.build/panel-screenshots/`.
@Suite(.serialized)
struct PanelPersonalDataBrowserTests {
    static let customer: CustomerId = "pd-7"
    static let orderNumber: OrderNumber = "PD-1001"
    static let name = "Zofia Żółć-Gęślańska"

    /// The customer as the storefront registers them, with their newsletter consent, and their paid
    /// order as the storefront reports it, once the gateway has fanned its buyer out to the registry.
    static func seed(_ suite: SuiteHarness) throws {
        let shop = SuiteHarness.storefrontKey
        let record = CustomerRecordInput(
            login: "zofia.zolc", registeredAt: Date().addingTimeInterval(-30 * 86_400), name: name,
            street: "Źródlana 5", postcode: "44-100", city: "Gliwice", phone: "+48 600 100 200",
            email: "zofia@example.pl")
        try PanelBrowserTests.expectSuccess(
            suite.gateway.json(.put, "/api/v1/personal-data/customers/\(customer)", record, token: shop))
        let consent = ConsentInput(purpose: "newsletter", given: true, source: "formularz rejestracji")
        try PanelBrowserTests.expectSuccess(
            suite.gateway.json(
                .post, "/api/v1/personal-data/customers/\(customer)/consents", consent, token: shop,
                headers: ["Idempotency-Key": "panel-consent"]))
        let order = OrderDocument(
            customerId: customer,
            buyer: Buyer(
                login: "zofia.zolc", name: name, street: "Źródlana 5", postcode: "44-100", city: "Gliwice",
                email: "zofia@example.pl", phone: "+48 600 100 200"),
            currency: "PLN",
            lines: [OrderLine(productId: "kubek", name: "Kubek", quantity: 1, unitNet: 2_000, unitGross: 2_460)],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 2_000, totalGross: 2_460, status: .paid,
            placedAt: Date())
        try PanelBrowserTests.expectSuccess(
            suite.gateway.json(.put, "/api/v1/orders/\(orderNumber)", order, token: shop))
        // The search, not Show, so that waiting leaves nothing in the access log.
        let arrived = try eventually(timeout: .seconds(20), interval: .milliseconds(50)) {
            let found = try search("orderNumber=\(orderNumber)&source=orders", in: suite)
            return found.orders.count == 1
        }
        #expect(arrived, "the order never reached the registry")
    }

    /// The registry's search as the admin calls it.
    static func search(_ query: String, in suite: SuiteHarness) throws -> PersonalDataSearchResult {
        let answer = try suite.gateway.request(
            .get, "/api/v1/personal-data/search?\(query)", token: SuiteHarness.adminKey)
        try PanelBrowserTests.expectSuccess(answer)
        return try answer.decode(PersonalDataSearchResult.self)
    }

    /// The customer's disclosures as the admin reads them through the gateway.
    static func disclosures(in suite: SuiteHarness) throws -> [Disclosure] {
        let answer = try suite.gateway.request(
            .get, "/api/v1/personal-data/customers/\(customer)/disclosures", token: SuiteHarness.adminKey)
        try PanelBrowserTests.expectSuccess(answer)
        return try answer.decode(Page<Disclosure>.self).items
    }

    @Test(.needsBrowser, .timeLimit(.minutes(3)))
    func admin_FindsAPerson_ShowsThem_RecordsADisclosure_ExportsAndErasesTheirData() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        try Self.seed(suite)
        let window = try PanelWindow(suite)
        defer { window.close() }
        let (browser, base, shots) = (window.browser, window.base, PanelBrowserTests.screenshots)
        let (customer, orderNumber) = (Self.customer.text, Self.orderNumber.text)

        try window.signIn()
        let cookie = try #require(try browser.cookies()["zaplecze_session"])

        // The section in the menu, after the others; by a part of the name in lower case, in both
        // bases: the order in Zamówienia, the account in Klienci.
        let menu = try browser.text("nav.menu")
        #expect(menu.hasSuffix("DANE OSOBOWE\nWyszukiwanie danych osobowych\nRejestr dostępu"), "\(menu)")
        try browser.click("nav.menu a[href='#/personal-data/search']")
        try browser.waitForText("main h1") { $0 == "Wyszukiwanie danych osobowych" }
        try browser.type("#person-filters input[name=name]", "żółć\u{E007}")
        let orders = try browser.waitForText("#orders-results") { $0.contains(orderNumber) }
        #expect(orders.hasPrefix("Zamówienia") && orders.contains(Self.name))
        let customers = try browser.waitForText("#customers-results") { $0.contains("zofia.zolc") }
        #expect(customers.hasPrefix("Klienci") && customers.contains(Self.name))
        #expect(try browser.text("#customers-results [data-disclosures='\(customer)']") == "Udostępnienia danych")
        try browser.screenshot("\(shots)/50-personal-data-search.png")
        // Only the order base: the Klienci section goes.
        try browser.choose("#person-filters select[name=source]", "orders")
        try browser.click("#person-filters button[type=submit]")
        try browser.waitForText("#person-results") { $0.contains(orderNumber) && !$0.contains("Klienci") }

        // Show from the order: the seed's fields of an order, e-mail among them.
        try browser.click("#orders-results [data-show='\(orderNumber)']")
        try browser.waitForText("main h1") { $0 == "Dane osobowe: zamówienie \(orderNumber)" }
        let bought = try browser.waitForText("#record-details") { $0.contains("zofia@example.pl") }
        #expect(bought.contains(Self.name) && bought.contains("Źródlana 5") && bought.contains("+48 600 100 200"))

        // Show from the customer base; the showing is in the customer's access log at once.
        try browser.click("main a[href='#/personal-data/search']")
        try browser.choose("#person-filters select[name=source]", "any")
        try browser.click("#person-filters button[type=submit]")
        try browser.click("#customers-results [data-show='\(customer)']")
        try browser.waitForText("main h1") { $0 == "Dane osobowe: klient \(customer)" }
        let details = try browser.waitForText("#record-details") { $0.contains(Self.name) }
        for value in ["zofia.zolc", "Źródlana 5", "44-100", "Gliwice", "+48 600 100 200"] {
            #expect(details.contains(value), "\(value) in \(details)")
        }
        let shown = try browser.waitForText("#record-access-log") { $0.contains("wyświetlenie") }
        #expect(shown.contains("admin:tester"))
        let consents = try browser.text("#consents")
        #expect(consents.contains("newsletter") && consents.contains("udzielona"), "\(consents)")
        #expect(consents.contains("formularz rejestracji") && consents.contains("storefront:shop"), "\(consents)")
        // Print report: the PDF of the record, opened in a new tab with the session cookie.
        let report = try browser.execute(
            "const link = document.querySelector('#record-report'); return link.target + ' ' + link.href;")
        #expect("\(report)" == "_blank \(base.dropLast(6))/api/v1/personal-data/customers/\(customer)/report.pdf")
        // The link opens with the panel's own session: the browser fetches it as the tab would.
        let opened = try browser.execute(
            """
            const request = new XMLHttpRequest();
            request.open('GET', document.querySelector('#record-report').href, false);
            request.overrideMimeType('text/plain; charset=x-user-defined');
            request.send();
            return request.status + ' ' + request.getResponseHeader('Content-Type') + ' '
                + request.responseText.slice(0, 5);
            """)
        #expect("\(opened)" == "200 application/pdf %PDF-", "\(opened)")
        try browser.screenshot("\(shots)/51-personal-data-show.png")

        // Disclosures: a blank recipient is refused with the API's message; one added, then edited.
        try browser.click("#record-disclosures")
        try browser.waitForText("main h1") { $0 == "Udostępnienia danych: klient \(customer)" }
        try browser.waitForText(".paged") { $0.contains("Brak udostępnień") }
        try browser.click("#new-disclosure")
        try window.submitDialog(["input[name=recipient]": "   ", "textarea[name=scope]": "Imię i nazwisko, adres"])
        let refused = try browser.waitForText("dialog .notice.error") { !$0.isEmpty }
        #expect(refused.contains("recipient"), "\(refused)")
        try browser.type("dialog input[name=recipient]", "Komenda Miejska Policji w Gliwicach")
        try browser.screenshot("\(shots)/52-personal-data-disclosure.png")
        try browser.click("dialog button[type=submit]")
        try browser.waitForText(".paged table") { $0.contains("Komenda Miejska Policji") }
        let added = try #require(try Self.disclosures(in: suite).first)
        #expect(added.recipient == "Komenda Miejska Policji w Gliwicach" && added.recordedBy == "admin:tester")
        #expect(abs(added.disclosedAt.timeIntervalSinceNow) < 600)
        try browser.click("[data-edit='\(added.id)']")
        try window.submitDialog(["textarea[name=scope]": "Imię i nazwisko, adres, historia zamówień"])
        try browser.waitForText(".paged table") { $0.contains("historia zamówień") }
        try browser.screenshot("\(shots)/53-personal-data-disclosures.png")
        let edited = try #require(try Self.disclosures(in: suite).first)
        #expect(edited.id == added.id && edited.scope == "Imię i nazwisko, adres, historia zamówień")
        #expect(edited.disclosedAt == added.disclosedAt)

        // The session's cookie without its CSRF token changes nothing.
        let session: HTTPHeaders = ["Cookie": "zaplecze_session=\(cookie)"]
        for (method, path, body) in [
            (
                HTTPMethod.post, "/api/v1/personal-data/customers/\(customer)/disclosures",
                #"{"disclosedAt":"2026-01-01T00:00:00Z","recipient":"x","scope":"y"}"#
            ),
            (
                .put, "/api/v1/personal-data/disclosures/\(added.id)",
                #"{"disclosedAt":"2026-01-01T00:00:00Z","recipient":"x","scope":"y"}"#
            ),
            (.delete, "/api/v1/personal-data/disclosures/\(added.id)", ""),
            (.post, "/api/v1/personal-data/customers/\(customer)/erasure", "{}"),
        ] {
            let refused = try suite.gateway.request(method, path, body: Array(body.utf8), headers: session)
            #expect(refused.status == .forbidden, "\(method) \(path)")
            #expect(refused.errorEnvelope?.error.code == "csrf_token_invalid")
        }
        #expect(try Self.disclosures(in: suite) == [edited])

        // An order's disclosure, deleted once the admin confirms.
        try browser.open("\(base)#/personal-data/orders/\(orderNumber)/disclosures")
        try browser.waitForText("main h1") { $0 == "Udostępnienia danych: zamówienie \(orderNumber)" }
        try browser.click("#new-disclosure")
        try window.submitDialog([
            "input[name=recipient]": "Urząd Skarbowy w Gliwicach", "textarea[name=scope]": "Dane kupującego",
        ])
        try browser.waitForText(".paged table") { $0.contains("Urząd Skarbowy") }
        try browser.click("[data-delete]")
        #expect(try browser.acceptPrompt().contains("Urząd Skarbowy"))
        try browser.waitForText(".paged") { $0.contains("Brak udostępnień") }

        // The export: a JSON file of everything, or, while a service does not answer, the API's
        // reason for giving none.
        try browser.open("\(base)#/personal-data/customers/\(customer)")
        try browser.click("#export-data")
        let exported = try browser.waitForText("#record-notice .notice") { !$0.isEmpty }
        let answer = try suite.gateway.request(
            .get, "/api/v1/personal-data/customers/\(customer)/export", token: SuiteHarness.adminKey)
        #expect(answer.status == .ok, "\(answer.status): \(answer.text.prefix(300))")
        #expect(exported.contains("Zapisano plik"), "\(exported)")
        let file = window.driver.downloads + "/dane-osobowe-\(customer).json"
        let saved = eventually(timeout: .seconds(10), interval: .milliseconds(50)) {
            FileManager.default.fileExists(atPath: file)
        }
        #expect(saved, "no \(file)")
        let everything = try JSONCoding.decode(
            PersonalDataExport.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(
            everything.customer?.name == Self.name && everything.orders.map(\.orderNumber) == [Self.orderNumber])
        try browser.waitForText("#record-access-log") { $0.contains("eksport") }
        try browser.screenshot("\(shots)/54-personal-data-export.png")

        // The access log, by customer and admin.
        try browser.click("nav.menu a[href='#/personal-data/access-log']")
        try browser.waitForText("main h1") { $0 == "Rejestr dostępu" }
        try browser.type("#access-filters input[name=customerId]", customer)
        try browser.type("#access-filters input[name=admin]", "admin:tester\u{E007}")
        let log = try browser.waitForText(".paged table") { $0.contains("wyświetlenie") }
        #expect(log.contains(customer) && log.contains("admin:tester"))
        try browser.screenshot("\(shots)/55-personal-data-access-log.png")
        try browser.type("#access-filters input[name=admin]", "admin:someone-else\u{E007}")
        try browser.waitForText(".paged") { $0.contains("Brak wpisów") }

        // Erasure: what will go, confirmed only by the customer's own id.
        try browser.open("\(base)#/personal-data/customers/\(customer)")
        try browser.click("#erase-data")
        let summary = try browser.waitForText("dialog #erasure-summary") { !$0.isEmpty }
        #expect(summary.contains("Zamówienia, z których znikną dane kupującego\n1"), "\(summary)")
        #expect(summary.contains("Konto w bazie klientów\nTAK"), "\(summary)")
        try browser.type("dialog input[name=confirmCustomerId]", "pd-8")
        try browser.click("#confirm-erasure")
        let mismatch = try browser.waitForText("dialog .notice.error") { !$0.isEmpty }
        #expect(mismatch.contains("nic nie usunięto"))
        try browser.type("dialog input[name=confirmCustomerId]", customer)
        try browser.screenshot("\(shots)/56-personal-data-erasure-confirm.png")
        try browser.click("#confirm-erasure")

        // The progress: the registry's part at once, the services' as they acknowledge.
        try browser.waitForText("main h1") { $0.hasPrefix("Usuwanie danych e-") }
        #expect(try browser.waitForText("[data-service='personal-data']") { !$0.isEmpty } == "usunięto")
        #expect(try browser.text("#erasure-progress").contains("Rejestr danych osobowych"))
        let complete = eventually(timeout: .seconds(15), interval: .milliseconds(100)) {
            (try? browser.text("#erasure-complete")) == "TAK"
        }
        let progress = try browser.text("#erasure-progress")
        for service in ["Program lojalnościowy", "Kody rabatowe", "BOK", "Komentarze/Oceny"] {
            #expect(progress.contains(service), "\(service) in \(progress)")
        }
        #expect(complete, "every service acknowledges its erasure: \(progress)")
        try browser.screenshot("\(shots)/57-personal-data-erasure.png")

        // The customer base no longer has the customer; the order keeps no trace of the buyer.
        let gone = try suite.gateway.request(
            .get, "/api/v1/personal-data/customers/\(customer)", token: SuiteHarness.adminKey)
        #expect(gone.status == .notFound)
        let anonymous = try suite.gateway.request(
            .get, "/api/v1/personal-data/orders/\(orderNumber)", token: SuiteHarness.adminKey)
        try PanelBrowserTests.expectSuccess(anonymous)
        let buyer = try anonymous.decode(OrderRecord.self)
        #expect(buyer.name.isEmpty && buyer.email.isEmpty && buyer.customerId != Self.customer)
        #expect(try Self.search("name=zofia", in: suite).customers.isEmpty)

        // English: the same progress.
        try browser.choose("#language", "en")
        try browser.waitForText("main h1") { $0.hasPrefix("Erasure e-") }
        #expect(try browser.waitForText("[data-service='personal-data']") { !$0.isEmpty } == "erased")
        try browser.screenshot("\(shots)/58-personal-data-erasure-en.png")
    }
}
