import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// The order base: the gateway's fan-out delivers each version of an order's buyer, a later
/// version replaces the buyer and an older one is ignored, and Show tells the admin who bought.
@Suite struct RegistryOrderTests {
    typealias Service = PersonalDataTestService

    @Test func anOrderEvent_StoresTheBuyer_ShownWithEveryField() throws {
        let service = try Service()
        defer { service.stop() }
        let buyer = Buyer(
            login: "zolwinska", name: "Anna Żółwińska", street: "Długa 5/7", postcode: "80-831", city: "Gdańsk",
            email: "anna@example.pl", phone: "+48 600-100-200")
        let firstSeen = service.clock.date
        try service.deliver(Service.orderEvent("Z-1", customer: "c-7", buyer: buyer, placedAt: Service.day(3)))
        service.clock.advance(seconds: 60)

        let record = try service.shownOrder("Z-1")
        #expect(record.orderNumber == "Z-1")
        #expect(record.customerId == "c-7")
        #expect(record.login == "zolwinska")
        #expect(record.orderedAt == Service.day(3))
        #expect(record.name == "Anna Żółwińska")
        #expect(record.street == "Długa 5/7")
        #expect(record.postcode == "80-831")
        #expect(record.city == "Gdańsk")
        #expect(record.email == "anna@example.pl")
        #expect(record.phone == "+48 600-100-200")
        #expect(record.firstSeenAt == firstSeen)

        try service.deliver(Service.orderEvent("Z-2", customer: nil, buyer: Service.buyer(login: nil)))
        let guest = try service.shownOrder("Z-2")
        #expect(guest.customerId == nil, "a buyer who never registered")
        #expect(guest.login == nil)
    }

    @Test func aLaterSequenceReplacesTheBuyer_AnOlderOneIsIgnored_FirstSeenStays() throws {
        let service = try Service()
        defer { service.stop() }
        let firstSeen = service.clock.date
        try service.deliver(Service.orderEvent("Z-1", sequence: 2, buyer: Service.buyer(name: "Anna Wersja Druga")))
        service.clock.advance(seconds: 600)
        let third = Service.orderEvent(
            "Z-1", sequence: 3, customer: "c-2",
            buyer: Service.buyer(name: "Anna Wersja Trzecia", phone: "600 300 300"),
            placedAt: Service.day(1))
        try service.deliver(third)
        let expected = OrderRecord(
            orderNumber: "Z-1", customerId: "c-2", orderedAt: Service.day(1), buyer: third.buyer,
            firstSeenAt: firstSeen)
        #expect(try service.shownOrder("Z-1") == expected)

        service.clock.advance(seconds: 600)
        for sequence: Int64 in [2, 1, 3] {
            let stale = Service.orderEvent("Z-1", sequence: sequence, buyer: Service.buyer(name: "Stara \(sequence)"))
            #expect(try service.send(stale).status == .noContent, "a stale version is accepted and ignored")
            #expect(try service.shownOrder("Z-1") == expected, "sequence \(sequence) after 3")
        }

        try service.deliver(Service.orderEvent("Z-1", sequence: 9, buyer: Service.buyer(name: "Anna Dziewiąta")))
        let ninth = try service.shownOrder("Z-1")
        #expect(ninth.name == "Anna Dziewiąta")
        #expect(ninth.firstSeenAt == firstSeen)
    }

    @Test func anOrderEvent_WhosePathAndBodyDisagree_IsRefused() throws {
        let service = try Service()
        defer { service.stop() }
        let answer = try service.send(Service.orderEvent("Z-2"), to: "Z-1")
        #expect(answer.status == .unprocessableContent)
        #expect(answer.errorDetail("field") == "orderNumber")
        let zero = try service.send(Service.orderEvent("Z-1", sequence: 0))
        #expect(zero.status == .unprocessableContent)
        #expect(zero.errorDetail("field") == "sequence")
        for number in ["Z-1", "Z-2"] {
            #expect(try service.call(.get, "/orders/\(number)").status == .notFound, "\(number) was not stored")
        }
    }

    @Test func orderEvents_AreTheServicesAlone_AndShowIsTheAdminsAlone() throws {
        let service = try Service()
        defer { service.stop() }
        let event = Service.orderEvent("Z-1")
        for caller in [Service.admin, Service.storefront, Service.customer("c-1"), Service.anonymous] {
            let answer = try service.call(.post, "/orders/Z-1/events", json: event, as: caller)
            #expect(answer.status == .forbidden, "\(caller)")
        }
        #expect(try service.call(.get, "/orders/Z-1").status == .notFound)
        try service.deliver(event)
        for caller in [Service.storefront, Service.customer("c-1"), Service.gatewayFanOut] {
            #expect(try service.call(.get, "/orders/Z-1", as: caller).status == .forbidden, "\(caller)")
        }
        let unknown = try service.call(.get, "/orders/Z-404")
        #expect(unknown.status == .notFound)
        #expect(unknown.errorCode == "not_found")
    }
}
