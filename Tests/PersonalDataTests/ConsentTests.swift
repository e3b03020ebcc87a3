import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import PersonalDataCore

/// Consents: the storefront and the customer themselves record a consent given or withdrawn,
/// dated now unless told when; the history lists newest first; a retry with the same
/// `Idempotency-Key` records once; a customer reaches only their own.
@Suite struct ConsentTests {
    typealias Service = PersonalDataTestService

    /// `POST /v1/customers/{id}/consents`.
    static func record(
        _ service: Service, _ id: CustomerId, _ input: ConsentInput, as caller: Principal, key: String? = nil
    ) throws -> HTTPClientResponse {
        let headers: HTTPHeaders = key.map { ["Idempotency-Key": $0] } ?? [:]
        return try service.call(.post, "/customers/\(id.text)/consents", json: input, as: caller, headers: headers)
    }

    /// Records `input`, requiring a 201.
    @discardableResult
    static func recorded(_ service: Service, _ id: CustomerId, _ input: ConsentInput, as caller: Principal) throws
        -> Consent
    {
        let answer = try record(service, id, input, as: caller)
        try #require(answer.status == .created, "\(caller): \(answer.status) \(answer.text)")
        return try answer.decode()
    }

    static let newsletter = ConsentInput(purpose: "newsletter", given: true, source: "formularz rejestracji")

    @Test func theStorefrontAndTheCustomer_RecordConsents_DatedNowUnlessTold() throws {
        let service = try Service()
        defer { service.stop() }
        let given = try Self.recorded(service, "c-1", Self.newsletter, as: Service.storefront)
        #expect(given.customerId == "c-1" && given.purpose == "newsletter" && given.given)
        #expect(given.source == "formularz rejestracji")
        #expect(given.recordedBy == "storefront:shop")
        #expect(given.at == service.clock.date, "at defaults to now")

        service.clock.advance(seconds: 90)
        let withdrawal = ConsentInput(purpose: "newsletter", given: false, source: "strona konta")
        let withdrawn = try Self.recorded(service, "c-1", withdrawal, as: Service.customer("c-1"))
        #expect(!withdrawn.given && withdrawn.recordedBy == "customer:c-1")
        #expect(withdrawn.at == service.clock.date)

        let told = ConsentInput(purpose: "profilowanie", given: true, at: Service.day(-3), source: "telefon")
        #expect(try Self.recorded(service, "c-1", told, as: Service.admin).at == Service.day(-3))
        #expect(try service.walk("/customers/c-1/consents", limit: 5).map(\Consent.id).count == 3)
    }

    @Test func aCustomer_ReachesOnlyTheirOwnConsents() throws {
        let service = try Service()
        defer { service.stop() }
        try Self.recorded(service, "c-2", Self.newsletter, as: Service.storefront)
        let intruder = Service.customer("c-1")
        #expect(try Self.record(service, "c-2", Self.newsletter, as: intruder).status == .forbidden)
        #expect(try service.call(.get, "/customers/c-2/consents", as: intruder).status == .forbidden)
        for caller in [Service.anonymous, Service.gatewayFanOut] {
            #expect(try Self.record(service, "c-2", Self.newsletter, as: caller).status == .forbidden, "\(caller)")
        }
        #expect(
            try service.walk("/customers/c-2/consents", limit: 5, as: Service.customer("c-2"), of: Consent.self).count
                == 1)
        #expect(try service.walk("/customers/c-1/consents", limit: 5, as: intruder, of: Consent.self).isEmpty)
    }

    @Test func theHistory_ListsNewestFirst_Paged() throws {
        let service = try Service()
        defer { service.stop() }
        var history: [Consent] = []
        for index in 0..<7 {
            let input = ConsentInput(
                purpose: index % 2 == 0 ? "newsletter" : "sms", given: index % 3 != 0, source: "form")
            history.append(try Self.recorded(service, "c-1", input, as: Service.storefront))
            _ = try Self.recorded(service, "c-2", input, as: Service.storefront)
            service.clock.advance(seconds: 60)
        }
        for caller in [Service.storefront, Service.customer("c-1"), Service.admin] {
            for limit in [1, 3, 50] {
                #expect(
                    try service.walk("/customers/c-1/consents", limit: limit, as: caller) == Array(history.reversed()))
            }
        }
    }

    @Test func aRetryWithTheSameIdempotencyKey_RecordsOnce() throws {
        let service = try Service()
        defer { service.stop() }
        let first = try Self.record(service, "c-1", Self.newsletter, as: Service.storefront, key: "consent-1")
        #expect(first.status == .created)
        service.clock.advance(seconds: 60)
        let retry = try Self.record(service, "c-1", Self.newsletter, as: Service.storefront, key: "consent-1")
        #expect(retry.status == .created)
        #expect(retry.body == first.body, "the first answer, the first date")
        #expect(try service.walk("/customers/c-1/consents", limit: 5, of: Consent.self).count == 1)

        let other = try Self.record(service, "c-1", Self.newsletter, as: Service.storefront, key: "consent-2")
        #expect(other.status == .created)
        #expect(try service.walk("/customers/c-1/consents", limit: 5, of: Consent.self).count == 2)
    }

    @Test func aPurposeOrSourceThatBreaksARule_IsRefusedNamingIt() throws {
        let service = try Service()
        defer { service.stop() }
        let long = String(repeating: "x", count: PersonalDataRules.maximumLabelLength + 1)
        for (input, field) in [
            (ConsentInput(purpose: " ", given: true, source: "form"), "purpose"),
            (ConsentInput(purpose: long, given: true, source: "form"), "purpose"),
            (ConsentInput(purpose: "newsletter", given: true, source: ""), "source"),
        ] {
            let answer = try Self.record(service, "c-1", input, as: Service.storefront)
            #expect(answer.status == .unprocessableContent)
            #expect(answer.errorDetail("field") == field)
        }
        #expect(try service.walk("/customers/c-1/consents", limit: 5, of: Consent.self).isEmpty)
    }
}
