import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// `POST /v1/validations` through the API: every reason, what each caller is told, and the
/// discount arithmetic in minor units.
@Suite struct ValidationTests {
    @Test func everyReason_IsGivenToTheAdmin_AndUnknownAndOthersCodesReadNotFoundToTheStorefront() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let plain = try service.campaign()
        try service.code("PLAIN", campaign: plain)
        try service.code("OFF", campaign: plain, active: false)
        try service.code("THEIRS", campaign: try service.campaign(kind: .assigned), customer: "c-2")
        try service.code("UNASSIGNED", campaign: try service.campaign(kind: .assigned))
        try service.code("LATER", campaign: try service.campaign(from: 3_600))
        try service.code("PAST", campaign: try service.campaign(to: -1))
        // A failed generation (a generating one would be finished by the running campaign job).
        try service.code("BUSY", campaign: try service.campaign(status: .failed))
        try service.code("EURO", campaign: try service.campaign(currency: "EUR"))
        try service.code("BIG", campaign: try service.campaign(minimum: 10_001))
        try service.code("USED", campaign: plain)
        #expect(try service.redeem("USED", order: "O-1").status == .created)

        let cases: [(DiscountCode, admin: CodeRefusalReason, shop: CodeRefusalReason)] = [
            ("NOPE", .unknown, .notFound), ("THEIRS", .otherCustomer, .notFound), ("OFF", .inactive, .inactive),
            ("UNASSIGNED", .inactive, .inactive), ("BUSY", .inactive, .inactive), ("LATER", .notYetValid, .notYetValid),
            ("PAST", .expired, .expired), ("USED", .usedUp, .usedUp), ("EURO", .currencyMismatch, .currencyMismatch),
            ("BIG", .belowMinimum, .belowMinimum),
        ]
        for (code, admin, shop) in cases {
            let asAdmin = try service.validation(code, customer: "c-1", as: CheckoutTestService.admin)
            #expect(
                asAdmin == CodeValidation(valid: false, discountValue: 0, freeShipping: false, reason: admin), "\(code)"
            )
            let asShop = try service.validation(code, customer: "c-1")
            #expect(asShop.reason == shop, "\(code) as the storefront")
            #expect(!asShop.valid)
        }
        #expect(try service.validation("plain", customer: "c-1").valid, "codes compare in any letter case")
    }

    @Test func percent_IsRoundedHalfUp_AmountIsCappedAtTheOrder_AndFreeShippingIsTheShippingCost() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("P15", discount: CampaignDiscount(type: .percent, value: 15))
        try service.singleCode("A50", discount: CampaignDiscount(type: .amount, value: 5_000))
        try service.singleCode("SHIP", discount: CampaignDiscount(type: .freeShipping))
        // 15 % of 1.10 is 0.165: half up gives 0.17; of 1.09 it is 0.1635, which gives 0.16.
        #expect(try service.validation("P15", value: 110).discountValue == 17)
        #expect(try service.validation("P15", value: 109).discountValue == 16)
        #expect(try service.validation("A50", value: 12_000).discountValue == 5_000)
        #expect(try service.validation("A50", value: 3_999).discountValue == 3_999, "never more than the order")
        let shipping = try service.validation("SHIP", value: 10_000, shipping: 1_299)
        #expect(shipping == CodeValidation(valid: true, discountValue: 1_299, freeShipping: true, reason: nil))
    }

    @Test func theValidityWindow_FollowsTheClock() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.code("WINDOW", campaign: try service.campaign(from: 60, to: 120))
        #expect(try service.validation("WINDOW").reason == .notYetValid)
        service.clock.advance(seconds: 60)
        #expect(try service.validation("WINDOW").valid)
        service.clock.advance(seconds: 61)
        #expect(try service.validation("WINDOW").reason == .expired)
    }

    @Test func anAssignedCode_WorksOnlyForItsCustomer() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("MINE", kind: .assigned, customer: "c-1")
        #expect(try service.validation("MINE", customer: "c-1").valid)
        #expect(try service.validation("MINE", customer: "c-2").reason == .notFound)
        #expect(try service.validation("MINE").reason == .notFound, "a guest cart is nobody's")
        #expect(
            try service.validation("MINE", as: CheckoutTestService.customer("c-1")).valid, "a token speaks for itself")
        #expect(try service.validation("MINE", as: CheckoutTestService.customer("c-2")).reason == .notFound)
    }

    @Test func aCustomerToken_NamingAnotherCustomer_Is403() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("MINE", kind: .assigned, customer: "c-1")
        let response = try service.validate("MINE", customer: "c-1", as: CheckoutTestService.customer("c-2"))
        #expect(response.status == .forbidden)
        #expect(response.errorEnvelope?.error.code == "forbidden")
        #expect(try service.validation("MINE", customer: "c-1", as: CheckoutTestService.customer("c-1")).valid)
    }

    @Test func aBadCart_Is422NamingTheField() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let response = try service.validate("ANY", value: -1, currency: "XXX")
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.code == "validation_failed")
        #expect(response.text.contains("orderValue") && response.text.contains("currency"))
    }

    @Test func aServiceOrAnonymousCaller_IsRefused() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        #expect(try service.validate("ANY", as: CheckoutTestService.gatewayFanOut).status == .forbidden)
        #expect(try service.redeem("ANY", order: "O-1", as: CheckoutTestService.customer("c-1")).status == .forbidden)
    }
}
