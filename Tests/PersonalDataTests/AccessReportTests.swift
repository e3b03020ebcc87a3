import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// Print report: a PDF of the person's data that reads back with every Polish letter, logged as
/// printed; 404 for nobody.
@Suite struct AccessReportTests {
    @Test(.enabled(if: PDFTools.haveAll, Comment(rawValue: PDFTools.missingReason)))
    func aCustomersReport_IsAPDFOfTheirDataAndOrders_AndIsLoggedAsPrinted() throws {
        let registry = try PersonalDataTestService()
        defer { registry.stop() }
        let id: CustomerId = "c-raport"
        try registry.stored(id, PersonalDataTestService.record(name: "Zażółć Gęślą Jaźń", email: "zgj@example.pl"))
        let disclosure = DisclosureInput(
            disclosedAt: PersonalDataTestService.day(1), recipient: "Sąd Rejonowy w Łodzi", scope: "adres")
        #expect(try registry.call(.post, "/customers/c-raport/disclosures", json: disclosure).status == .created)

        let answer = try registry.call(.get, "/customers/c-raport/report.pdf")
        #expect(answer.status == .ok, "\(answer.text.prefix(200))")
        #expect(answer.headers["Content-Type"] == "application/pdf")
        #expect(Array(answer.body.prefix(5)) == Array("%PDF-".utf8))
        let directory = try TemporaryDirectory(prefix: "zaplecze-report")
        defer { directory.remove() }
        let text = try PDFTools.text(of: answer.body, in: directory)
        for expected in [
            "Raport dostępu do danych osobowych", "Zażółć Gęślą Jaźń", "Sąd Rejonowy w Łodzi", "zgj@example.pl",
        ] {
            #expect(text.contains(expected), "the report reads \(expected)")
        }
        #expect(try PDFTools.check(answer.body, in: directory).ok)
        let log: [AccessLogEntry] = try registry.walk("/access-log?customerId=c-raport", limit: 10)
        #expect(log.map(\.action) == [.printed])
    }

    @Test func nobodysReport_Is404_AndLogsNothing() throws {
        let registry = try PersonalDataTestService()
        defer { registry.stop() }
        #expect(try registry.call(.get, "/customers/nobody/report.pdf").status == .notFound)
        #expect(try registry.call(.get, "/orders/NO-1/report.pdf").status == .notFound)
        #expect(
            try registry.call(.get, "/customers/nobody/report.pdf", as: PersonalDataTestService.storefront).status
                == .forbidden)
        let log: [AccessLogEntry] = try registry.walk("/access-log", limit: 10)
        #expect(log.isEmpty)
    }
}
