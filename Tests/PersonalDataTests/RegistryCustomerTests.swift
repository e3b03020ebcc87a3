import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// The customer base: the storefront creates and replaces a customer's record, the date the data
/// first entered the system stays, a record that breaks a rule is refused naming its field, and
/// only the admin is shown a record.
@Suite struct RegistryCustomerTests {
    typealias Service = PersonalDataTestService

    @Test func put_CreatesThenReplaces_KeepingTheFirstSeenDate() throws {
        let service = try Service()
        defer { service.stop() }
        let firstSeen = service.clock.date
        let first = try service.put("c-1", Service.record())
        #expect(first.status == .created)
        let created: CustomerRecord = try first.decode()
        #expect(created.firstSeenAt == firstSeen)
        #expect(created.updatedAt == firstSeen)
        #expect(created.name == "Jan Nowak")

        service.clock.advance(seconds: 3_600)
        let changed = Service.record(name: "Jan Kowalski", email: "jan.k@example.pl", phone: nil, login: nil)
        let second = try service.put("c-1", changed)
        #expect(second.status == .ok)
        let replaced: CustomerRecord = try second.decode()
        #expect(
            replaced
                == CustomerRecord(
                    customerId: "c-1", input: changed, firstSeenAt: firstSeen, updatedAt: service.clock.date))
        #expect(try service.shownCustomer("c-1") == replaced)

        service.clock.advance(seconds: 60)
        #expect(try service.put("c-1", changed).status == .ok, "the same record again is a replacement")
        #expect(try service.shownCustomer("c-1").firstSeenAt == firstSeen)
    }

    @Test func put_RefusesARecordThatBreaksARule_NamingTheField() throws {
        let service = try Service()
        defer { service.stop() }
        var refused: [(CustomerRecordInput, String)] = [
            (Service.record(name: ""), "name"), (Service.record(name: "  \t "), "name"),
            (Service.record(name: String(repeating: "ż", count: 129)), "name"),
            (Service.record(name: String(repeating: "a", count: 257)), "name"),
        ]
        let emails = [
            "", "jan", "jan@", "@example.pl", "jan@example", "jan@.pl", "jan@example.", "jan@@example.pl",
            "jan @example.pl", "jan@exa mple.pl", "ja\u{1}n@example.pl",
            String(repeating: "a", count: 244) + "@example.pl",
        ]
        refused += emails.map { (Service.record(email: $0), "email") }
        for (record, field) in refused {
            let answer = try service.put("c-1", record)
            #expect(answer.status == .unprocessableContent, "\(record.name.prefix(8)) \(record.email)")
            #expect(answer.errorCode == "validation_failed")
            #expect(answer.errorDetail("field") == field, "\(record.name.prefix(8)) \(record.email)")
        }
        #expect(try service.call(.get, "/customers/c-1").status == .notFound, "nothing refused was stored")

        // 128 Polish letters are 256 bytes of UTF-8: the longest name there is.
        let longest = String(repeating: "ż", count: 128)
        #expect(longest.utf8.count == OrderRules.maxTextBytes)
        #expect(try service.put("c-1", Service.record(name: longest)).status == .created)
        let address = String(repeating: "a", count: 243) + "@example.pl"
        #expect(address.count == EmailRules.maximumLength)
        #expect(try service.put("c-2", Service.record(email: address)).status == .created)
    }

    @Test func put_RefusesAnUnknownField_NamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        let record = String(decoding: try JSONCoding.encode(Service.record()), as: UTF8.self)
        let misspelt = String(record.dropLast()) + #","nickname":"Jasiu"}"#
        let answer = try service.call(.put, "/customers/c-1", as: Service.storefront, text: misspelt)
        #expect(answer.status == .unprocessableContent)
        #expect(answer.errorCode == "unknown_field")
        #expect(answer.errorDetail("field") == "nickname")
        #expect(try service.call(.get, "/customers/c-1").status == .notFound)
    }

    @Test func put_IsTheShopsAlone() throws {
        let service = try Service()
        defer { service.stop() }
        for caller in [Service.customer("c-1"), Service.customer("c-2"), Service.anonymous, Service.gatewayFanOut] {
            #expect(try service.put("c-1", Service.record(), as: caller).status == .forbidden, "\(caller)")
        }
        #expect(try service.call(.get, "/customers/c-1").status == .notFound)
        #expect(try service.put("c-1", Service.record(), as: Service.admin).status == .created)
    }

    @Test func show_IsTheAdminsAlone_AndUnknownCustomerIsNotFound() throws {
        let service = try Service()
        defer { service.stop() }
        let record = try service.stored("c-1", Service.record())
        for caller in [Service.storefront, Service.customer("c-1"), Service.anonymous, Service.gatewayFanOut] {
            #expect(try service.call(.get, "/customers/c-1", as: caller).status == .forbidden, "\(caller)")
        }
        #expect(try service.shownCustomer("c-1") == record)
        let unknown = try service.call(.get, "/customers/c-2")
        #expect(unknown.status == .notFound)
        #expect(unknown.errorCode == "not_found")
    }
}
