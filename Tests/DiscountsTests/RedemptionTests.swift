import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// `POST /v1/redemptions` and `DELETE /v1/redemptions/{id}`: each answer the routes declare, the
/// counts the campaign list reads, and a released code used again.
@Suite struct RedemptionTests {
    @Test func aRedemption_Is201_AndTheSameOrderAgainIs200WithTheSameRedemption() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let campaign = try service.singleCode("ONCE", discount: CampaignDiscount(type: .percent, value: 15))
        let first = try service.redeem("once", order: "O-1", customer: "c-1", value: 110)
        #expect(first.status == .created)
        let redemption: Redemption = try first.decode()
        #expect(redemption.code == "ONCE")
        #expect(redemption.campaignId == campaign)
        #expect(redemption.orderNumber == "O-1")
        #expect(redemption.customerId == "c-1")
        #expect(redemption.discountValue == 17, "15 % of 1.10, half up")
        #expect(redemption.createdAt == service.clock.date)
        #expect(redemption.releasedAt == nil)

        service.clock.advance(seconds: 5)
        let again = try service.redeem("ONCE", order: "O-1", customer: "c-1", value: 110)
        #expect(again.status == .ok)
        #expect(try again.decode(Redemption.self) == redemption)
        #expect(try service.counts("ONCE") == (1, 1))
    }

    @Test func aSingleUseCode_HeldByAnotherOrder_Is409CodeUsed() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("ONCE")
        #expect(try service.redeem("ONCE", order: "O-1").status == .created)
        let second = try service.redeem("ONCE", order: "O-2")
        #expect(second.status == .conflict)
        #expect(second.errorEnvelope?.error.code == "code_used")
        #expect(try service.liveRedemptions("ONCE") == 1)
    }

    @Test func otherRefusals_Are409CodeNotUsable_WithTheReasonTheCallerMaySee() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("THEIRS", kind: .assigned, customer: "c-2")
        try service.code("EURO", campaign: try service.campaign(currency: "EUR"))
        for (code, admin, shop) in [
            ("NOPE", "unknown", "notFound"), ("THEIRS", "otherCustomer", "notFound"),
            ("EURO", "currencyMismatch", "currencyMismatch"),
        ] as [(DiscountCode, String, String)] {
            let asShop = try service.redeem(code, order: "O-1", customer: "c-1")
            #expect(asShop.status == .conflict)
            #expect(asShop.errorEnvelope?.error.code == "code_not_usable")
            #expect(asShop.errorEnvelope?.error.details?["reason"] == .string(shop), "\(code)")
            let asAdmin = try service.redeem(code, order: "O-1", customer: "c-1", as: CheckoutTestService.admin)
            #expect(asAdmin.errorEnvelope?.error.details?["reason"] == .string(admin), "\(code)")
        }
        #expect(try service.redeem("THEIRS", order: "O-2", customer: "c-2").status == .created)
    }

    @Test func aBadBody_Is422ValidationFailed() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let response = try service.redeem("ANY", order: "O-1", shipping: -5)
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.code == "validation_failed")
        #expect(response.text.contains("shippingCost"))
    }

    @Test func release_FreesTheCode_ForAnotherOrder_AndKeepsTheCountsRight() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("ONCE")
        let first: Redemption = try service.redeem("ONCE", order: "O-1").decode()
        #expect(try service.counts("ONCE") == (1, 1))

        service.clock.advance(seconds: 1)
        #expect(try service.release(first.id).status == .noContent)
        #expect(try service.counts("ONCE") == (0, 0))
        #expect(try service.release(first.id).status == .noContent, "releasing again changes nothing")
        #expect(try service.counts("ONCE") == (0, 0))
        #expect(try service.validation("ONCE").valid)

        let second = try service.redeem("ONCE", order: "O-2")
        #expect(second.status == .created)
        #expect(try second.decode(Redemption.self).id != first.id)
        #expect(try service.counts("ONCE") == (1, 1))
        #expect(try service.redeem("ONCE", order: "O-1").status == .conflict, "the released order lost it")
    }

    @Test func releasingAnUnknownRedemption_Is404() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let response = try service.release(999)
        #expect(response.status == .notFound)
        #expect(response.errorEnvelope?.error.code == "not_found")
        #expect(try service.release(1, as: CheckoutTestService.customer("c-1")).status == .forbidden)
    }

    @Test func aMultiUseCode_CountsOnceForTheCampaign_HoweverManyOrdersUseIt() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("MANY", kind: .multiUse)
        let first: Redemption = try service.redeem("MANY", order: "O-1").decode()
        let second: Redemption = try service.redeem("MANY", order: "O-2").decode()
        #expect(try service.counts("MANY") == (2, 1))
        _ = try service.release(first.id)
        #expect(try service.counts("MANY") == (1, 1))
        _ = try service.release(second.id)
        #expect(try service.counts("MANY") == (0, 0))
    }

    @Test func anArchivedCampaignsCode_NoLongerWorks() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let campaign = try service.singleCode("OLD", kind: .multiUse)
        try service.database.write { try $0.run("UPDATE campaigns SET archived_at = 1 WHERE id = ?", campaign) }
        let response = try service.redeem("OLD", order: "O-1")
        #expect(response.errorEnvelope?.error.details?["reason"] == .string("inactive"))
    }
}
