import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import HelpdeskCore

/// The admin's search: any part of the subject in any letter case, the exact address in any
/// letter case, the order, the status and the opening period, combined, newest first, paged
/// without gaps. Each answer is compared with a brute-force filter of the threads opened.
@Suite struct ThreadSearchTests {
    typealias Service = HelpdeskTestService

    static let subjects = [
        "Paczka nie dotarła", "PACZKA USZKODZONA", "Zły rozmiar butów", "ŻÓŁTY KUBEK zamiast zielonego",
        "żółw z pluszu", "Zwrot 100% kwoty", "Faktura_VAT", "Gdzie jest moja paczka?", "ŁÓDŹ – dostawa",
        "łódź nad morzem", "Rabat nie zadziałał", "Brak paragonu", "Ąę", "x", "Zamiana koloru (czerwony)",
        "Płatność 'odrzucona'", "Dostawa do paczkomatu", "Reklamacja: pęknięty kubek",
    ]
    static let emails = [
        "jan.nowak@example.pl", "Jan.Nowak@Example.PL", "ola@example.pl", "OLA@EXAMPLE.PL", "piotr@sklep.pl",
        "zażółć@przykład.pl",
    ]
    static let orders: [OrderNumber] = ["ORD-1", "ORD-2", "ord-1", "2027/01-7"]

    /// Opens the corpus a minute apart over the addresses and orders above, then moves some
    /// threads on; returns every thread as it now stands, newest first.
    static func corpus(_ service: Service) throws -> [ThreadSummary] {
        var ids: [Int64] = []
        for (index, subject) in subjects.enumerated() {
            let opening = Service.opening(
                order: orders[index % orders.count], customer: CustomerId("c-\(index % 5)"),
                email: emails[index % emails.count], subject: subject)
            ids.append(try service.opened(opening).thread.id)
            service.clock.advance(seconds: 60)
        }
        for (index, id) in ids.enumerated() {
            switch index % 4 {
            case 1: try service.reply(id)
            case 2: try service.setStatus(ThreadStatus.allCases[index / 2 % ThreadStatus.allCases.count], of: id)
            case 3: try service.reply(id, "Nadal nic.", as: Service.customer(CustomerId("c-\(index % 5)")!))
            default: break
            }
        }
        return try service.threads()
    }

    /// The ids the search at `query` lists, walked `limit` at a time.
    static func search(_ service: Service, _ query: String, limit: Int = 4) throws -> [Int64] {
        try service.walk("/threads?" + query, limit: limit, of: ThreadSummary.self).map(\.id)
    }

    static let texts = [
        "paczk", "PACZKA", "Paczka nie", "żółw", "ŻÓŁW", "ół", "Ł", "łódź", "ŁÓDŹ", "ąę", "Ę", "100%", "%", "_",
        "t_V", "?", "(czerwony)", "'", "–", ": p", " ", "kubek", "KUBEK", "x", "nie ma takiego", "a",
    ]

    @Test func subject_FindsAnyPart_InAnyLetterCase() throws {
        let service = try Service()
        defer { service.stop() }
        let threads = try Self.corpus(service)
        #expect(Set(threads.map(\.status)).count > 3, "the corpus spreads over statuses")
        for text in Self.texts {
            let expected = threads.filter { $0.subject.lowercased().contains(text.lowercased()) }.map(\.id)
            #expect(try Self.search(service, "subject=" + Service.encoded(text)) == expected, "subject=\(text)")
        }
        #expect(try Self.search(service, "subject=" + Service.encoded("ŻÓŁ")).count == 2)
        #expect(try Self.search(service, "subject=").count == threads.count, "an empty subject filters nothing")
    }

    @Test func email_FindsTheExactAddress_InAnyLetterCase() throws {
        let service = try Service()
        defer { service.stop() }
        let threads = try Self.corpus(service)
        for email in Self.emails + ["JAN.NOWAK@EXAMPLE.PL", "ZAŻÓŁĆ@PRZYKŁAD.PL", "nowak@example.pl", "ola@example.p"] {
            let expected = threads.filter { $0.email.lowercased() == email.lowercased() }.map(\.id)
            #expect(try Self.search(service, "email=" + Service.encoded(email)) == expected, "email=\(email)")
        }
        #expect(try Self.search(service, "email=OLA@example.pl").count == 6)
    }

    @Test func orderNumber_Status_AndThePeriod_Filter() throws {
        let service = try Service()
        defer { service.stop() }
        let threads = try Self.corpus(service)
        for order in Self.orders {
            let expected = threads.filter { $0.orderNumber == order }.map(\.id)
            #expect(try Self.search(service, "orderNumber=" + Service.encoded(order.text)) == expected, "\(order)")
        }
        for status in ThreadStatus.allCases {
            let expected = threads.filter { $0.status == status }.map(\.id)
            #expect(try Self.search(service, "status=\(status.rawValue)") == expected, "\(status)")
        }
        let dates = threads.map(\.createdAt).sorted()
        for (from, to) in [(dates[3], dates[9]), (dates[0], dates[0]), (dates[9], dates[3]), (dates[17], dates[17])] {
            let query = "from=\(Self.date(from))&to=\(Self.date(to))"
            let expected = threads.filter { $0.createdAt >= from && $0.createdAt <= to }.map(\.id)
            #expect(try Self.search(service, query) == expected, "\(query)")
            #expect(
                try Self.search(service, "from=\(Self.date(from))") == threads.filter { $0.createdAt >= from }.map(\.id)
            )
            #expect(try Self.search(service, "to=\(Self.date(to))") == threads.filter { $0.createdAt <= to }.map(\.id))
        }
    }

    static func date(_ date: Date) -> String { Service.encoded(RFC3339.format(date)) }

    @Test func theFilters_Combine() throws {
        let service = try Service()
        defer { service.stop() }
        let threads = try Self.corpus(service)
        let dates = threads.map(\.createdAt)
        var random = SeededGenerator(seed: 11)
        for round in 0..<80 {
            var query: [String] = []
            var matches = threads
            if Bool.random(using: &random) {
                let text = ["paczk", "ó", "a", "Ł", "kubek", "e"].randomElement(using: &random)!
                query.append("subject=" + Service.encoded(text))
                matches = matches.filter { $0.subject.lowercased().contains(text.lowercased()) }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let email = Self.emails.randomElement(using: &random)!.uppercased()
                query.append("email=" + Service.encoded(email))
                matches = matches.filter { $0.email.lowercased() == email.lowercased() }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let order = Self.orders.randomElement(using: &random)!
                query.append("orderNumber=" + Service.encoded(order.text))
                matches = matches.filter { $0.orderNumber == order }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let status = ThreadStatus.allCases.randomElement(using: &random)!
                query.append("status=\(status.rawValue)")
                matches = matches.filter { $0.status == status }
            }
            if Bool.random(using: &random) {
                let from = dates.randomElement(using: &random)!
                query.append("from=\(Self.date(from))")
                matches = matches.filter { $0.createdAt >= from }
            }
            if Bool.random(using: &random) {
                let to = dates.randomElement(using: &random)!
                query.append("to=\(Self.date(to))")
                matches = matches.filter { $0.createdAt <= to }
            }
            let text = query.joined(separator: "&")
            let limit = Int.random(in: 1...6, using: &random)
            #expect(try Self.search(service, text, limit: limit) == matches.map(\.id), "round \(round): \(text)")
        }
    }

    @Test func paging_WalksEveryMatchExactlyOnce_NewestFirst() throws {
        let service = try Service()
        defer { service.stop() }
        let threads = try Self.corpus(service)
        #expect(threads.map(\.id) == threads.map(\.id).sorted(by: >), "newest first")
        #expect(threads.map(\.createdAt) == threads.map(\.createdAt).sorted(by: >))
        #expect(threads.count == Self.subjects.count, "no criteria lists all")
        let paczki = threads.filter { $0.subject.lowercased().contains("paczk") }.map(\.id)
        #expect(paczki.count > 3)
        for limit in [1, 2, 3, paczki.count, paczki.count + 1, PageRequest.maxLimit] {
            #expect(try Self.search(service, "subject=paczk", limit: limit) == paczki, "limit \(limit)")
            #expect(try Self.search(service, "", limit: limit) == threads.map(\.id), "limit \(limit)")
        }
        let first: Page<ThreadSummary> = try service.get("/threads")
        #expect(first.items == threads && first.nextCursor == nil, "50 a page by default")
    }

    @Test func aBadParameter_Is400NamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        try service.opened()
        for (parameter, value) in [
            ("status", "open"), ("status", "Closed"), ("status", ""), ("from", "yesterday"),
            ("to", "2027-13-01T00:00:00Z"), ("from", "2027-01-15"), ("email", "jan"), ("email", "jan@example"),
            ("email", "jan nowak@example.pl"), ("email", ""), ("limit", "0"), ("limit", "501"), ("limit", "dużo"),
            ("orderNumber", "ORD 1"),
            ("subject", String(repeating: "a", count: HelpdeskRules.maximumSubjectLength + 1)),
        ] {
            let answer = try service.call(.get, "/threads?\(parameter)=" + Service.encoded(value))
            #expect(answer.status == .badRequest, "\(parameter)=\(value.prefix(30)): \(answer.text)")
            #expect(answer.errorParameter == parameter, "\(parameter)=\(value.prefix(30)): \(answer.text)")
        }
        #expect(try service.call(.get, "/threads?cursor=abc").errorCode == "invalid_cursor")
        for caller in [Service.storefront, Service.customer("c-1")] {
            #expect(try service.call(.get, "/threads", as: caller).status == .forbidden, "\(caller)")
        }
    }
}
