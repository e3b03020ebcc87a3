import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import PersonalDataCore

/// The admin's search of the two bases: a name by any part in any letter case, an e-mail in any
/// letter case, a phone by its digits, an order number with its customer; the filters combine,
/// each section lists newest first and pages by its own cursor. Every answer is compared with a
/// brute-force filter of what the test stored.
@Suite struct RegistrySearchTests {
    typealias Service = PersonalDataTestService
    typealias OrderHit = PersonalDataSearchResult.OrderHit
    typealias CustomerHit = PersonalDataSearchResult.CustomerHit

    static let names = [
        "Anna Żółwińska", "Jan Nowak", "ANNA KOWALSKA", "Łukasz Żółtowski", "Firma Ćma Sp. z o.o.", "żaneta żółć",
        "Piotr Nowakowski", "Ewa Wiśniewska", "Zofia Zięba", "Ola", "Marek Żółkiewski", "ŻÓŁWIŃSKI I SYN",
    ]
    static let emails = [
        "anna@example.pl", "Jan@Example.PL", "JAN@EXAMPLE.PL", "biuro@cma.pl", "Zaneta@Example.pl", "ola@o2.pl",
    ]
    static let phones = [
        "+48 600-100-200", "48600100200", "600 100 200", "(22) 555-01-01", "22 555 01 01", "601000000",
    ]

    /// What the test stored.
    struct Corpus {
        var customers: [(id: CustomerId, record: CustomerRecordInput)] = []
        var orders: [BuyerOrderEvent] = []
    }

    /// Fourteen customers and eighteen orders (three of guests, two of a customer not in the
    /// customer base), with dates that tie, names, addresses and phones that repeat in other
    /// letter cases and spellings.
    static func corpus(_ service: Service) throws -> Corpus {
        var corpus = Corpus()
        for index in 0..<14 {
            let id = CustomerId(String(format: "c-%02d", index))!
            let record = Service.record(
                name: names[index % names.count], email: emails[index % emails.count],
                phone: index % 5 == 4 ? nil : phones[index % phones.count],
                login: index % 3 == 0 ? nil : "login\(index)", registeredAt: Service.day(index % 5))
            try service.stored(id, record)
            corpus.customers.append((id, record))
        }
        for index in 0..<18 {
            let customer: CustomerId? =
                index % 6 == 5 ? nil : index % 9 == 4 ? "c-404" : CustomerId(String(format: "c-%02d", index % 14))
            let buyer = Service.buyer(
                name: names[(index * 5) % names.count], email: emails[(index * 7) % emails.count],
                phone: phones[(index + 2) % phones.count])
            let event = Service.orderEvent(
                OrderNumber(String(format: "Z-%02d", index))!, customer: customer, buyer: buyer,
                placedAt: Service.day(index % 6, minutes: index % 4 == 1 ? 90 : 0))
            try service.deliver(event)
            corpus.orders.append(event)
        }
        return corpus
    }

    /// One search: its query string, and the same filters applied by brute force.
    struct Filters: CustomStringConvertible {
        var name: String?
        var email: String?
        var phone: String?
        var orderNumber: OrderNumber?
        var source: PersonalDataSource?

        var description: String { query }

        var query: String {
            [
                name.map { "name=" + Service.encoded($0) }, email.map { "email=" + Service.encoded($0) },
                phone.map { "phone=" + Service.encoded($0) }, orderNumber.map { "orderNumber=" + $0.text },
                source.map { "source=" + $0.rawValue },
            ].compactMap { $0 }.joined(separator: "&")
        }

        /// The Orders section: newest order first, the order number (bytes) breaking a tie.
        func orders(in corpus: Corpus) -> [OrderHit] {
            guard source != .customers else { return [] }
            return corpus.orders.filter {
                matches($0.buyer.name, $0.buyer.email, $0.buyer.phone)
                    && (orderNumber == nil || $0.orderNumber == orderNumber)
            }.map {
                OrderHit(
                    orderNumber: $0.orderNumber, name: $0.buyer.name, orderedAt: $0.placedAt, customerId: $0.customerId)
            }.sorted {
                $0.orderedAt != $1.orderedAt
                    ? $0.orderedAt > $1.orderedAt
                    : $1.orderNumber.text.utf8.lexicographicallyPrecedes($0.orderNumber.text.utf8)
            }
        }

        /// The Customers section: newest registration first, the id (bytes) breaking a tie; an
        /// order number finds the order's customer.
        func customers(in corpus: Corpus) -> [CustomerHit] {
            guard source != .orders else { return [] }
            let ordersCustomer = orderNumber.map { number in
                corpus.orders.first { $0.orderNumber == number }?.customerId
            }
            return corpus.customers.filter { customer in
                matches(customer.record.name, customer.record.email, customer.record.phone)
                    && (ordersCustomer.map { $0 == customer.id } ?? true)
            }.map {
                CustomerHit(
                    customerId: $0.id, login: $0.record.login, name: $0.record.name,
                    registeredAt: $0.record.registeredAt)
            }.sorted {
                $0.registeredAt != $1.registeredAt
                    ? $0.registeredAt > $1.registeredAt
                    : $1.customerId.text.utf8.lexicographicallyPrecedes($0.customerId.text.utf8)
            }
        }

        private func matches(_ personName: String, _ personEmail: String, _ personPhone: String?) -> Bool {
            if let name, !name.isEmpty, personName.lowercased().range(of: name.lowercased()) == nil { return false }
            if let email, personEmail.lowercased() != email.lowercased() { return false }
            if let phone, personPhone.map(Self.digits) != Self.digits(phone) { return false }
            return true
        }

        static func digits(_ text: String) -> String { String(text.filter { $0.isASCII && $0.isNumber }) }
    }

    /// One answer of the search at `query`, requiring a 200.
    static func page(_ service: Service, _ query: String) throws -> PersonalDataSearchResult {
        let answer = try service.call(.get, "/search?" + query)
        try #require(answer.status == .ok, "\(query): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    /// Both sections of the search at `query`, each walked `limit` at a time by its own cursor
    /// until its cursor ends (the other's then no longer sent).
    static func walk(_ service: Service, _ query: String, limit: Int) throws -> (
        orders: [OrderHit], customers: [CustomerHit]
    ) {
        var orders: [OrderHit] = []
        var customers: [CustomerHit] = []
        var ordersCursor: String?
        var customersCursor: String?
        var ordersDone = false
        var customersDone = false
        while !(ordersDone && customersDone) {
            let cursors = [
                ordersCursor.map { "ordersCursor=" + Service.encoded($0) },
                customersCursor.map { "customersCursor=" + Service.encoded($0) },
            ].compactMap { $0 }
            let target = ([query, "limit=\(limit)"] + cursors).filter { !$0.isEmpty }.joined(separator: "&")
            let result = try page(service, target)
            #expect(result.orders.count <= limit && result.customers.count <= limit, "\(target)")
            if !ordersDone {
                if result.nextOrdersCursor != nil {
                    #expect(result.orders.count == limit, "a page before the last is full")
                }
                orders += result.orders
                ordersCursor = result.nextOrdersCursor
                ordersDone = ordersCursor == nil
            }
            if !customersDone {
                if result.nextCustomersCursor != nil {
                    #expect(result.customers.count == limit, "a page before the last is full")
                }
                customers += result.customers
                customersCursor = result.nextCustomersCursor
                customersDone = customersCursor == nil
            }
            try #require(orders.count + customers.count <= 1_000, "the cursors of \(query) never end")
        }
        return (orders, customers)
    }

    /// Requires the search with `filters`, walked `limit` at a time, to list exactly what the
    /// brute-force filter does, in its order.
    static func check(_ service: Service, _ corpus: Corpus, _ filters: Filters, limit: Int = 3) throws {
        let found = try walk(service, filters.query, limit: limit)
        #expect(found.orders == filters.orders(in: corpus), "orders of \(filters)")
        #expect(found.customers == filters.customers(in: corpus), "customers of \(filters)")
    }

    // MARK: - Tests

    static let nameParts = [
        "ŻÓŁ", "żół", "Żółwińska", "ółw", "anna", "ANNA", "nowak", "NOWAKOWSKI", "ć", "Ć", "sp. z", "ł", "Ł", " ",
        "a k", "ola", "I SYN", "ęba", "nie ma takiego", "",
    ]

    @Test func aName_IsFoundByAnyPart_InAnyLetterCase_InEitherBase() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        for part in Self.nameParts {
            for source in [nil] + PersonalDataSource.allCases {
                try Self.check(service, corpus, Filters(name: part, source: source))
            }
        }
        let turtles = try Self.page(service, "name=" + Service.encoded("ŻÓŁ") + "&source=customers")
        #expect(turtles.customers.contains { $0.name == "Anna Żółwińska" })
        #expect(turtles.customers.contains { $0.name == "żaneta żółć" })
        #expect(turtles.orders.isEmpty && turtles.nextOrdersCursor == nil, "source=customers has no Orders section")
        let orders = try Self.page(service, "name=" + Service.encoded("żółwińsk") + "&source=orders")
        #expect(!orders.orders.isEmpty && orders.customers.isEmpty)
    }

    @Test func anEmail_IsFoundInAnyLetterCase() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        for email in Self.emails + ["jan@example.pl", "JAN@example.pl", "ANNA@EXAMPLE.PL", "jan@example", "jan", ""] {
            try Self.check(service, corpus, Filters(email: email))
        }
        let jan = try Self.page(service, "email=" + Service.encoded("jAn@eXample.pl"))
        #expect(Set(jan.customers.map(\.customerId)) == ["c-01", "c-02", "c-07", "c-08", "c-13"])
        #expect(!jan.orders.isEmpty)
    }

    @Test func aPhone_IsFoundByItsDigits() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        for phone in Self.phones + ["+48 600-100-200", "48.600.100.200", "600100200", "225550101", "1", "+48"] {
            try Self.check(service, corpus, Filters(phone: phone))
        }
        let found = try Self.page(service, "phone=" + Service.encoded("+48 600-100-200"))
        #expect(found.customers.map(\.customerId).contains("c-01"), "48600100200 is +48 600-100-200")
        #expect(found.customers.map(\.customerId).contains("c-00"))
        #expect(!found.customers.map(\.customerId).contains("c-02"), "600 100 200 lacks the 48")
    }

    @Test func anOrderNumber_FindsTheOrderAndItsCustomer() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        for number in corpus.orders.map(\.orderNumber) + ["Z-99"] {
            try Self.check(service, corpus, Filters(orderNumber: number), limit: 1)
        }
        let found = try Self.page(service, "orderNumber=Z-03")
        #expect(found.orders.map(\.orderNumber) == ["Z-03"])
        #expect(found.customers.map(\.customerId) == ["c-03"])
        let guest = try Self.page(service, "orderNumber=Z-05")
        #expect(guest.orders.map(\.orderNumber) == ["Z-05"] && guest.customers.isEmpty, "a guest's order")
    }

    @Test func theFilters_Combine() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        var random = SeededGenerator(seed: 7)
        let numbers = corpus.orders.map(\.orderNumber)
        for _ in 0..<80 {
            var filters = Filters()
            if Bool.random(using: &random) { filters.name = Self.nameParts.randomElement(using: &random) }
            if Int.random(in: 0..<3, using: &random) == 0 { filters.email = Self.emails.randomElement(using: &random) }
            if Int.random(in: 0..<3, using: &random) == 0 { filters.phone = Self.phones.randomElement(using: &random) }
            if Int.random(in: 0..<4, using: &random) == 0 {
                filters.orderNumber = numbers.randomElement(using: &random)
            }
            if Bool.random(using: &random) {
                filters.source = PersonalDataSource.allCases.randomElement(using: &random)
            }
            try Self.check(service, corpus, filters, limit: Int.random(in: 1...4, using: &random))
        }
        let both = Filters(name: "anna", email: "ANNA@example.pl")
        #expect(!both.customers(in: corpus).isEmpty && both.customers(in: corpus).count < corpus.customers.count)
        try Self.check(service, corpus, both)
    }

    @Test func eachSection_PagesByItsOwnCursor_NewestFirst() throws {
        let service = try Service()
        defer { service.stop() }
        let corpus = try Self.corpus(service)
        let everything = Filters()
        #expect(Set(everything.orders(in: corpus).map(\.orderNumber)).count == corpus.orders.count)
        for limit in [1, 2, 5, 50] { try Self.check(service, corpus, everything, limit: limit) }

        // Moving one section leaves the other where it is.
        let first = try Self.page(service, "limit=2")
        let ordersCursor = try #require(first.nextOrdersCursor)
        let customersCursor = try #require(first.nextCustomersCursor)
        let ordersMoved = try Self.page(service, "limit=2&ordersCursor=" + Service.encoded(ordersCursor))
        #expect(ordersMoved.customers == first.customers && ordersMoved.nextCustomersCursor == customersCursor)
        #expect(ordersMoved.orders == Array(everything.orders(in: corpus)[2..<4]))
        let customersMoved = try Self.page(service, "limit=2&customersCursor=" + Service.encoded(customersCursor))
        #expect(customersMoved.orders == first.orders && customersMoved.nextOrdersCursor == ordersCursor)
        #expect(customersMoved.customers == Array(everything.customers(in: corpus)[2..<4]))
        let bothMoved = try Self.page(
            service,
            "limit=2&ordersCursor=\(Service.encoded(ordersCursor))&customersCursor=\(Service.encoded(customersCursor))")
        #expect(bothMoved.orders == ordersMoved.orders && bothMoved.customers == customersMoved.customers)
    }

    @Test func theAnswer_AlwaysHasBothCursors_NullOnTheLastPage() throws {
        let service = try Service()
        defer { service.stop() }
        _ = try Self.corpus(service)
        for (query, ordersNull, customersNull) in [
            ("limit=500", true, true), ("limit=1", false, false), ("limit=1&source=customers", true, false),
            ("limit=1&source=orders", false, true), ("name=nie+ma", true, true),
            ("limit=1&orderNumber=Z-03", true, true),
        ] {
            let answer = try service.call(.get, "/search?" + query)
            try #require(answer.status == .ok, "\(query): \(answer.status)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any])
            #expect(Set(object.keys) == ["orders", "customers", "nextOrdersCursor", "nextCustomersCursor"], "\(query)")
            #expect((object["nextOrdersCursor"] is NSNull) == ordersNull, "\(query)")
            #expect((object["nextCustomersCursor"] is NSNull) == customersNull, "\(query)")
        }
    }

    @Test func aBadParameter_IsABadRequestNamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        _ = try Self.corpus(service)
        let valid = TextCursor.encode("not a position")
        let cases: [(String, String)] = [
            ("source=all", "source"), ("source=ANY", "source"), ("source=", "source"), ("limit=0", "limit"),
            ("limit=501", "limit"), ("limit=x", "limit"), ("limit=-1", "limit"),
            ("ordersCursor=%21%21", "ordersCursor"),
            ("ordersCursor=" + valid, "ordersCursor"), ("customersCursor=%21%21", "customersCursor"),
            ("customersCursor=" + valid, "customersCursor"), ("orderNumber=a%20b", "orderNumber"),
            ("orderNumber=" + String(repeating: "9", count: OrderNumberKind.maxLength + 1), "orderNumber"),
            ("orderNumber=", "orderNumber"),
            ("name=" + String(repeating: "a", count: OrderRules.maxTextBytes + 1), "name"),
        ]
        for (query, parameter) in cases {
            let answer = try service.call(.get, "/search?" + query)
            #expect(answer.status == .badRequest, "\(query)")
            #expect(answer.errorCode == "invalid_parameter", "\(query)")
            #expect(answer.errorDetail("parameter") == parameter, "\(query)")
        }
        for caller in [Service.storefront, Service.customer("c-01"), Service.gatewayFanOut, Service.anonymous] {
            #expect(try service.call(.get, "/search?name=anna", as: caller).status == .forbidden, "\(caller)")
        }
    }
}
