import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// Erasure in the registry: two steps, a token that works once and only for its customer, the
/// customer base record gone, the orders' buyer blanked for good, consents dated no later than now.
@Suite struct ErasureTests {
    typealias Service = PersonalDataTestService

    static func step(_ service: Service, _ id: String, token: String? = nil) throws -> HTTPClientResponse {
        try service.call(.post, "/customers/\(id)/erasure", json: ErasureRequest(confirmationToken: token))
    }

    @Test func theSecondStep_Erases_AndALaterVersionOfTheOrderBringsNothingBack() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record(name: "Zofia Żółwińska", email: "zofia@example.pl"))
        try service.deliver(Service.orderEvent("Z-1", customer: "c-1", buyer: Service.buyer(name: "Zofia Żółwińska")))

        let first = try Self.step(service, "c-1").decode(ErasureStep.self)
        #expect(first.orders == 1 && first.registered == true && first.id == nil)
        let token = try #require(first.confirmationToken)
        let second = try Self.step(service, "c-1", token: token)
        #expect(second.status == .accepted, "\(second.text)")
        let id = try #require(try second.decode(ErasureStep.self).id)

        #expect(try service.call(.get, "/customers/c-1").status == .notFound)
        let order = try service.shownOrder("Z-1")
        #expect(order.name.isEmpty && order.email.isEmpty && order.customerId?.text == "erased-\(id)")
        // The fan-out still knows the order under its customer: a later version changes nothing.
        try service.deliver(
            Service.orderEvent("Z-1", sequence: 2, customer: "c-1", buyer: Service.buyer(name: "Zofia Żółwińska")))
        #expect(try service.shownOrder("Z-1").name.isEmpty)
        let progress = try service.call(.get, "/erasures/\(id)").decode(ErasureProgress.self)
        #expect(progress.pseudonym == "erased-\(id)" && progress.services.map(\.service) == PrivacyRoutes.services)
    }

    @Test func aToken_WorksOnceAndOnlyForItsCustomer_AndUsingOneEndsTheOthers() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        try service.stored("c-2", Service.record(email: "druga@example.pl"))
        let token = try #require(try Self.step(service, "c-1").decode(ErasureStep.self).confirmationToken)
        let other = try #require(try Self.step(service, "c-1").decode(ErasureStep.self).confirmationToken)
        let wrongCustomer = try Self.step(service, "c-2", token: token)
        #expect(wrongCustomer.status == .conflict && wrongCustomer.errorCode == "confirmation_invalid")
        #expect(try Self.step(service, "c-1", token: token).status == .accepted)
        #expect(try Self.step(service, "c-1", token: token).errorCode == "confirmation_invalid")
        #expect(try Self.step(service, "c-1", token: other).errorCode == "confirmation_invalid")
        #expect(try service.call(.get, "/customers/c-2").status == .ok)
    }

    @Test func aToken_ExpiresAfterTenMinutes() throws {
        let service = try Service()
        defer { service.stop() }
        try service.stored("c-1", Service.record())
        let token = try #require(try Self.step(service, "c-1").decode(ErasureStep.self).confirmationToken)
        service.clock.advance(seconds: 601)
        #expect(try Self.step(service, "c-1", token: token).errorCode == "confirmation_invalid")
        #expect(try service.call(.get, "/customers/c-1").status == .ok)
    }

    @Test func aConsentDatedInTheFuture_IsRefused() throws {
        let service = try Service()
        defer { service.stop() }
        let future = ConsentInput(
            purpose: "newsletter", given: true, at: service.clock.date.addingTimeInterval(3_600), source: "formularz")
        let refused = try service.call(.post, "/customers/c-1/consents", json: future, as: Service.storefront)
        #expect(refused.status == .unprocessableContent && refused.errorField == "at", "\(refused.text)")
    }
}
