import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// The disclosure log: the admin records a disclosure of a customer's or an order buyer's data
/// (one the registry holds), lists them newest first, edits and deletes them; the recipient and
/// the scope are checked, and the disclosure names the admin who recorded it.
@Suite struct DisclosureTests {
    typealias Service = PersonalDataTestService

    static func input(
        recipient: String = "Komenda Policji w Gdańsku", scope: String = "imię, adres, telefon", day: Int = 2
    )
        -> DisclosureInput
    {
        DisclosureInput(disclosedAt: Service.day(day), recipient: recipient, scope: scope)
    }

    /// Records `input` at `path` (`/customers/{id}` or `/orders/{n}`), requiring a 201.
    static func added(
        _ service: Service, _ path: String, _ input: DisclosureInput = input(), as admin: Principal = Service.admin
    )
        throws -> Disclosure
    {
        let answer = try service.call(.post, path + "/disclosures", json: input, as: admin)
        try #require(answer.status == .created, "\(path): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    @Test func aDisclosure_IsRecordedAgainstACustomerOrAnOrderTheRegistryHolds() throws {
        let service = try Service()
        defer { service.stop() }
        for path in ["/customers/c-1", "/orders/Z-1"] {
            let answer = try service.call(.post, path + "/disclosures", json: Self.input())
            #expect(answer.status == .notFound, "\(path)")
            #expect(answer.errorCode == "not_found", "\(path)")
        }
        try service.stored("c-1", Service.record())
        try service.deliver(Service.orderEvent("Z-1", customer: "c-1"))

        let customers = try Self.added(service, "/customers/c-1")
        #expect(customers.customerId == "c-1" && customers.orderNumber == nil)
        #expect(customers.disclosedAt == Service.day(2))
        #expect(customers.recipient == "Komenda Policji w Gdańsku" && customers.scope == "imię, adres, telefon")
        #expect(customers.recordedBy == "admin:tester")
        #expect(customers.updatedAt == service.clock.date)

        let orders = try Self.added(service, "/orders/Z-1", as: Service.owner)
        #expect(orders.orderNumber == "Z-1" && orders.customerId == nil)
        #expect(orders.recordedBy == "admin:owner")
        #expect(try service.walk("/customers/c-1/disclosures", limit: 10, of: Disclosure.self) == [customers])
        #expect(try service.walk("/orders/Z-1/disclosures", limit: 10, of: Disclosure.self) == [orders])

        for caller in [Service.storefront, Service.customer("c-1"), Service.gatewayFanOut] {
            #expect(
                try service.call(.post, "/customers/c-1/disclosures", json: Self.input(), as: caller).status
                    == .forbidden)
            #expect(try service.call(.get, "/customers/c-1/disclosures", as: caller).status == .forbidden)
        }
    }

    @Test func theDisclosures_ListNewestFirst_Paged() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        try service.stored("c-2", Service.record())
        try service.deliver(Service.orderEvent("Z-1"))
        var ofC1: [Disclosure] = []
        var ofZ1: [Disclosure] = []
        for index in 0..<7 {
            ofC1.append(try Self.added(service, "/customers/c-1", Self.input(recipient: "Urząd \(index)")))
            if index % 3 == 0 { ofZ1.append(try Self.added(service, "/orders/Z-1")) }
            service.clock.advance(seconds: 60)
        }
        for limit in [1, 2, 7, 50] {
            #expect(try service.walk("/customers/c-1/disclosures", limit: limit) == Array(ofC1.reversed()))
            #expect(try service.walk("/orders/Z-1/disclosures", limit: limit) == Array(ofZ1.reversed()))
        }
        #expect(try service.walk("/customers/c-2/disclosures", limit: 5, of: Disclosure.self).isEmpty)
    }

    @Test func aDisclosure_IsReplacedThenDeleted() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        let kept = try Self.added(service, "/customers/c-1", Self.input(recipient: "Sąd Rejonowy"))
        let original = try Self.added(service, "/customers/c-1")
        service.clock.advance(seconds: 3_600)

        let change = Self.input(recipient: "Prokuratura Okręgowa", scope: "adres e-mail", day: 4)
        let answer = try service.call(.put, "/disclosures/\(original.id)", json: change, as: Service.owner)
        #expect(answer.status == .ok)
        let replaced: Disclosure = try answer.decode()
        var expected = original
        expected.disclosedAt = Service.day(4)
        expected.recipient = "Prokuratura Okręgowa"
        expected.scope = "adres e-mail"
        expected.updatedAt = service.clock.date
        #expect(replaced == expected, "the date, recipient and scope change; who recorded it stays")
        #expect(try service.walk("/customers/c-1/disclosures", limit: 5) == [expected, kept])

        let unknown = try service.call(.put, "/disclosures/\(original.id + 100)", json: change)
        #expect(unknown.status == .notFound)
        #expect(unknown.errorCode == "disclosure_not_found")

        #expect(try service.call(.delete, "/disclosures/\(original.id)").status == .noContent)
        #expect(try service.walk("/customers/c-1/disclosures", limit: 5) == [kept])
        let deletedAgain = try service.call(.delete, "/disclosures/\(original.id)")
        let replacedAfter = try service.call(.put, "/disclosures/\(original.id)", json: change)
        for again in [deletedAgain, replacedAfter] {
            #expect(again.status == .notFound)
            #expect(again.errorCode == "disclosure_not_found")
        }
        #expect(try service.call(.delete, "/disclosures/\(kept.id)", as: Service.storefront).status == .forbidden)
    }

    @Test func aRecipientOrScopeThatBreaksARule_IsRefusedNamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        let original = try Self.added(service, "/customers/c-1")
        let longest = String(repeating: "ż", count: PersonalDataRules.maximumScopeLength)
        let refused: [(DisclosureInput, String)] = [
            (Self.input(recipient: ""), "recipient"), (Self.input(recipient: " \n\t "), "recipient"),
            (Self.input(scope: longest + "a"), "scope"), (Self.input(scope: "  "), "scope"),
        ]
        for (input, field) in refused {
            for (method, path) in [
                (HTTPMethod.post, "/customers/c-1/disclosures"), (.put, "/disclosures/\(original.id)"),
            ] {
                let answer = try service.call(method, path, json: input)
                #expect(answer.status == .unprocessableContent, "\(method) \(field)")
                #expect(answer.errorDetail("field") == field, "\(method) \(field)")
            }
        }
        #expect(try service.walk("/customers/c-1/disclosures", limit: 5) == [original], "nothing refused was written")
        #expect(try Self.added(service, "/customers/c-1", Self.input(scope: longest)).scope == longest)
    }
}
