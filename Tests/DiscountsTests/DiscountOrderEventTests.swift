import Contract
import Foundation
import HTTP
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// `POST /v1/orders/{orderNumber}/events`: the order's code confirmed or redeemed, released when
/// the order is cancelled, the latest version kept for statistics, replays and late versions
/// ignored.
@Suite struct DiscountOrderEventTests {
    /// The stored row of the order: sequence, status, counted, value, code.
    static func order(_ service: CheckoutTestService, _ number: String) throws -> Row? {
        try service.database.read { try $0.queryOne("SELECT * FROM orders WHERE order_number = ?", number) }
    }

    static func confirmedAt(_ service: CheckoutTestService, redemption id: Int64) throws -> Date? {
        try service.database.read {
            try $0.scalar("SELECT confirmed_at FROM redemptions WHERE id = ?", id, as: Date.self)
        }
    }

    @Test func anOrderWithACode_RedeemsIt_WhenTheStorefrontDidNot() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("ORDERED", discount: CampaignDiscount(type: .amount, value: 2_000))
        try service.deliver("O-1", sequence: 1, code: "ordered", goods: 12_000)
        #expect(try service.liveRedemptions("ORDERED") == 1)
        #expect(try service.counts("ORDERED") == (1, 1))
        #expect(try service.redeem("ORDERED", order: "O-2").status == .conflict)
        let again = try service.redeem("ORDERED", order: "O-1", customer: "c-1")
        #expect(again.status == .ok)
        let redemption: Redemption = try again.decode()
        #expect(redemption.discountValue == 2_000)
        #expect(redemption.orderValue == 12_000)
        #expect(try Self.confirmedAt(service, redemption: redemption.id) != nil)
    }

    @Test func anOrderWithACode_ConfirmsTheCheckoutsRedemption_WithTheOrdersValue() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("CHECKOUT")
        let redemption: Redemption = try service.redeem("CHECKOUT", order: "O-1", customer: "c-1", value: 9_000)
            .decode()
        #expect(try Self.confirmedAt(service, redemption: redemption.id) == nil)
        service.clock.advance(seconds: 30)
        try service.deliver("O-1", sequence: 1, code: "CHECKOUT", goods: 9_500)
        #expect(try Self.confirmedAt(service, redemption: redemption.id) == service.clock.date)
        #expect(try service.liveRedemptions("CHECKOUT") == 1)
        let stored: Redemption = try service.redeem("CHECKOUT", order: "O-1", value: 9_000).decode()
        #expect(stored.orderValue == 9_500)
        #expect(stored.discountValue == redemption.discountValue, "the discount granted at checkout stays")
    }

    @Test func aCancelledOrder_ReleasesItsRedemption_AndTheCodeServesAnotherOrder() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("ONCE")
        try service.deliver("O-1", sequence: 1, code: "ONCE")
        #expect(try service.counts("ONCE") == (1, 1))
        try service.deliver("O-1", sequence: 2, status: .cancelled, code: "ONCE")
        #expect(try service.liveRedemptions("ONCE") == 0)
        #expect(try service.counts("ONCE") == (0, 0))
        #expect(try service.redeem("ONCE", order: "O-2").status == .created)
        let row = try #require(try Self.order(service, "O-1"))
        #expect(try row.get("status", as: String.self) == "cancelled")
        #expect(try row.get("counted", as: Int64.self) == 0)
    }

    @Test func replayedAndLateVersions_ChangeNothing() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("ONCE")
        try service.deliver("O-1", sequence: 1, code: "ONCE")
        try service.deliver("O-1", sequence: 3, status: .cancelled, code: "ONCE")
        // Sequence 2 arrives after 3, then 1 again: neither redeems the released code again.
        try service.deliver("O-1", sequence: 2, status: .paid, code: "ONCE")
        try service.deliver("O-1", sequence: 1, code: "ONCE")
        #expect(try service.liveRedemptions("ONCE") == 0)
        #expect(try service.counts("ONCE") == (0, 0))
        let row = try #require(try Self.order(service, "O-1"))
        #expect(try row.get("sequence", as: Int64.self) == 3)
        #expect(try row.get("status", as: String.self) == "cancelled")
    }

    @Test func aCodeThatCannotBeUsed_IsRecorded_AndTheOrderStillStored() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("TAKEN")
        #expect(try service.redeem("TAKEN", order: "O-1").status == .created)
        try service.deliver("O-2", sequence: 1, code: "TAKEN")
        try service.deliver("O-3", sequence: 1, code: "NEVER-ISSUED")
        #expect(try service.liveRedemptions("TAKEN") == 1)
        #expect(try Self.order(service, "O-2") != nil)
        #expect(try Self.order(service, "O-3") != nil)
        let metrics = service.service.environment.metrics.render()
        #expect(metrics.contains("zaplecze_discounts_order_code_refusals_total{reason=\"codeUsed\"} 1"))
        #expect(metrics.contains("zaplecze_discounts_order_code_refusals_total{reason=\"unknown\"} 1"))
    }

    @Test func theCodeIsJudgedAtTheOrdersTime_NotTheDeliverys() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.code("SHORT", campaign: try service.campaign(to: 60))
        let placed = service.clock.date
        service.clock.advance(seconds: 3_600)
        try service.deliver("O-1", sequence: 1, code: "SHORT", placedAt: placed)
        #expect(try service.liveRedemptions("SHORT") == 1)
    }

    @Test func refundedAndNewerVersions_KeepTheRedemption_AndTheLatestFigures() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        try service.singleCode("KEPT")
        try service.deliver("O-1", sequence: 1, status: .created, code: "KEPT", goods: 5_000)
        try service.deliver("O-1", sequence: 2, status: .fulfilled, code: "KEPT", goods: 6_000)
        try service.deliver("O-1", sequence: 3, status: .refunded, code: "KEPT", goods: 6_000)
        #expect(try service.liveRedemptions("KEPT") == 1)
        let row = try #require(try Self.order(service, "O-1"))
        #expect(try row.get("order_value", as: Int64.self) == 6_000)
        #expect(try row.get("counted", as: Int64.self) == 0)
        #expect(try row.get("email", as: String.self) == "jan@example.pl")
    }

    @Test func anEventForAnotherOrderThanThePath_Is422() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let order = OrderDocument(
            customerId: nil,
            buyer: Buyer(name: "A", street: "B", postcode: "C", city: "D", email: "e@example.pl", phone: "1"),
            currency: "PLN", lines: [], shipping: ShippingCost(net: 0, gross: 0), totalNet: 0, totalGross: 0,
            status: .created, placedAt: service.clock.date)
        let event = DiscountOrderEvent(eventId: "x", orderNumber: "O-9", sequence: 0, order: order)
        let response = try service.service.call(
            .post, "/v1/orders/O-1/events", json: event, as: CheckoutTestService.gatewayFanOut)
        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.code == "validation_failed")
        #expect(response.text.contains("orderNumber") && response.text.contains("sequence"))
        #expect(
            try service.service.call(
                .post, "/v1/orders/O-9/events", json: event, as: CheckoutTestService.storefront
            ).status == .forbidden)
    }
}
