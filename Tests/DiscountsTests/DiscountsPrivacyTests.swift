import Contract
import Foundation
import HTTP
import Store
import TestSupport
import Testing

@testable import DiscountsCore

/// The privacy contract in discounts: what it holds about a person, and their erasure under a
/// pseudonym that keeps every order value, discount and count.
struct DiscountsPrivacyTests {
    /// Every kind of record discounts keeps, for `customer`: two reported orders (one cancelled,
    /// without an address), a code assigned by them and redeemed, a code bought for points, and a
    /// code of a campaign archived since.
    private func activity(
        _ harness: OwnershipHarness, _ customer: String, order: String, assigned: Int64, sold: Int64, archived: Int64
    ) throws {
        try harness.order(order, customer: customer, email: "\(customer)@example.pl", value: 20_000)
        try harness.order(order + "-X", customer: customer, value: 5_000, counted: false)
        try harness.credit(customer, 500)
        let bought = try harness.purchase(sold, for: customer)
        try #require(bought.status == .created, "purchase: \(bought.text)")
        let code = try #require(try harness.holders(campaign: assigned)[customer]?.first)
        let redeemed = try harness.discounts.call(
            .post, "/v1/redemptions",
            json: RedemptionRequest(
                code: DiscountCode(code)!, customerId: CustomerId(customer), orderNumber: OrderNumber(order)!,
                orderValue: 20_000, shippingCost: 0, currency: "PLN"),
            as: OwnershipHarness.storefront)
        try #require(redeemed.status == .created, "redemption: \(redeemed.text)")
        try harness.database.write { connection in
            try connection.run(
                """
                UPDATE codes SET customer_id = ?, assigned_at = 1 WHERE id = (
                    SELECT min(id) FROM codes WHERE campaign_id = ? AND customer_id IS NULL)
                """, customer, archived)
        }
    }

    /// The campaign's summary figures (orders, value, discount, codes used).
    private func summary(_ harness: OwnershipHarness, _ campaign: Int64) throws -> CodeUsage {
        let answer = try harness.discounts.call(.get, "/v1/campaigns/\(campaign)/stats", as: OwnershipHarness.admin)
        try #require(answer.status == .ok, "stats: \(answer.text)")
        return try answer.decode(CampaignStats.self).summary
    }

    @Test func erasure_RenamesThePersonEverywhere_ForgetsTheirAddress_AndKeepsEveryFigure() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let assigned = try harness.campaign(codes: 4, prefix: "GIFT")
        let sold = try harness.campaign(codes: 4, pointsPrice: 100, prefix: "SOLD")
        let archived = try harness.campaign(codes: 4, prefix: "OLD", archived: true)
        try harness.order("A-100", customer: "anna-1", email: "anna-1@example.pl", value: 20_000)
        try harness.order("B-200", customer: "bogdan-2", email: "bogdan-2@example.pl", value: 20_000)
        let assignment = try harness.assign(assigned, AssignmentCriteria(ordersCountFrom: 1, notify: false))
        try #require(assignment.status == .ok, "assignment: \(assignment.text)")
        try activity(harness, "anna-1", order: "A-101", assigned: assigned, sold: sold, archived: archived)
        try activity(harness, "bogdan-2", order: "B-201", assigned: assigned, sold: sold, archived: archived)
        let figures = try summary(harness, assigned)

        let walk = try PrivacyProbe(harness.discounts).walk(erasing: "anna-1", beside: "bogdan-2")

        #expect(walk.problems.isEmpty, "\(walk.problems)")
        #expect(Set(walk.person.holds.keys) == ["codes", "redemptions", "purchases", "orders"])
        #expect(PrivacyProbe.Walk.count(walk.person.holds["codes"]) == 3, "assigned, bought and archived")
        #expect(PrivacyProbe.Walk.count(walk.person.holds["orders"]) == 3)
        #expect(try summary(harness, assigned) == figures)
        #expect(try harness.holders(campaign: assigned)[walk.erasure.pseudonym]?.count == 1)
        let addresses = try harness.database.read { connection in
            try connection.scalar(
                "SELECT count(email) FROM orders WHERE customer_id = ?", walk.erasure.pseudonym, as: Int64.self)
        }
        #expect(addresses == 0)
        let probe = PrivacyProbe(harness.discounts)
        #expect(try probe.tablesHolding("anna-1").isEmpty)
        #expect(
            try probe.tablesHolding("bogdan-2")
                == [
                    "codes.customer_id", "orders.customer_id", "orders.email", "purchases.customer_id",
                    "redemptions.customer_id",
                ])
        // The recipients of a new assignment: the pseudonym has no address left to be mailed at.
        let recipients = try harness.recipients(assigned, query: "ordersCountFrom=1")
        #expect(recipients.status == .ok)
        #expect(!recipients.text.contains("anna-1") && recipients.text.contains("bogdan-2@example.pl"))
    }
}
