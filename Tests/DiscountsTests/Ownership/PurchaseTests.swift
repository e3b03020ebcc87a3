import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@testable import DiscountsCore

/// `POST /campaigns/{id}/purchases` against a real loyalty service: the points are taken once
/// and the code handed over, or loyalty refuses and the code is free again.
@Suite(.serialized)
struct PurchaseTests {
    @Test func aPurchase_DebitsThePrice_AndGivesTheCustomerACode() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 3, pointsPrice: 300)
        try harness.credit("c1", 1_000)

        let response = try harness.purchase(campaign, for: "c1", as: OwnershipHarness.customer("c1"))

        #expect(response.status == .created, "\(response.text)")
        let purchase = try response.decode(CodePurchase.self)
        #expect(purchase.customerId == "c1")
        #expect(purchase.pointsSpent == 300)
        #expect(try harness.balance("c1") == 700)
        #expect(try harness.holders(campaign: campaign) == ["c1": [purchase.code.text]])
        let active = try harness.database.read { connection in
            try connection.scalar("SELECT active FROM codes WHERE code = ?", purchase.code.text, as: Int64.self)
        }
        #expect(active == 1)
        #expect(try harness.freeCodes(campaign: campaign) == 2)
    }

    @Test func theSameIdempotencyKey_AnswersTheSamePurchase_AndDebitsOnce() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 3, pointsPrice: 300)
        try harness.credit("c1", 1_000)

        let first = try harness.purchase(campaign, for: "c1", key: "buy-1")
        let again = try harness.purchase(campaign, for: "c1", key: "buy-1")
        let other = try harness.purchase(campaign, for: "c2", key: "buy-1")

        #expect(first.status == .created)
        #expect(again.status == .created)
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(try again.decode(CodePurchase.self) == first.decode(CodePurchase.self))
        #expect(other.status == .unprocessableContent)
        #expect(other.errorEnvelope?.error.code == "idempotency_key_reused")
        #expect(try harness.balance("c1") == 700)
        #expect(try harness.holders(campaign: campaign).count == 1)
    }

    @Test func loyaltyRefusing_PassesInsufficientPointsOn_AndFreesTheCode() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1, pointsPrice: 300)
        try harness.credit("c1", 120)

        let response = try harness.purchase(campaign, for: "c1", key: "poor-1")
        let replay = try harness.purchase(campaign, for: "c1", key: "poor-1")

        #expect(response.status == .conflict)
        #expect(response.errorEnvelope?.error.code == "insufficient_points")
        #expect(response.errorEnvelope?.error.details?["balance"] == .number(120))
        #expect(response.errorEnvelope?.error.details?["requested"] == .number(300))
        #expect(replay.status == .conflict)
        #expect(replay.errorEnvelope?.error.details?["balance"] == .number(120))
        #expect(try harness.holders(campaign: campaign).isEmpty)
        #expect(try harness.freeCodes(campaign: campaign) == 1)
        #expect(try harness.balance("c1") == 120)
        // The freed code can be bought once the points are there.
        try harness.credit("c1", 200)
        #expect(try harness.purchase(campaign, for: "c1").status == .created)
        #expect(try harness.balance("c1") == 20)
    }

    @Test func aCustomerToken_BuyingForAnotherCustomer_IsA403() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1, pointsPrice: 10)
        try harness.credit("victim", 100)

        let response = try harness.purchase(campaign, for: "victim", as: OwnershipHarness.customer("thief"))

        #expect(response.status == .forbidden)
        #expect(try harness.balance("victim") == 100)
        #expect(try harness.holders(campaign: campaign).isEmpty)
    }

    @Test func campaignsNotSold_NotReady_OrSoldOut_AreRefusedBeforeLoyaltyIsAsked() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        try harness.credit("c1", 1_000)
        let notSold = try harness.campaign(codes: 1)
        let generating = try harness.campaign(codes: 1, status: "generating", pointsPrice: 10)
        let soldOut = try harness.campaign(codes: 1, pointsPrice: 10)
        try harness.credit("c2", 10)
        #expect(try harness.purchase(soldOut, for: "c2").status == .created)

        #expect(try harness.purchase(notSold, for: "c1").status == .notFound)
        #expect(try harness.purchase(999, for: "c1").status == .notFound)
        #expect(try harness.purchase(generating, for: "c1").errorEnvelope?.error.code == "campaign_not_ready")
        #expect(try harness.purchase(soldOut, for: "c1").errorEnvelope?.error.code == "no_free_codes")
        #expect(try harness.balance("c1") == 1_000)
    }

    @Test func aPurchaseLoyaltyDidNotAnswer_StaysPending_AndIsSettledWhenLoyaltyIsBack() throws {
        let nowhere = Upstream(host: "127.0.0.1", port: try FreePorts.one())
        let harness = try OwnershipHarness(loyaltyURL: nowhere)
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 2, pointsPrice: 50)
        try harness.credit("c1", 80)

        let response = try harness.purchase(campaign, for: "c1", key: "k1")

        #expect(response.status == .serviceUnavailable)
        let pending = try harness.database.read { connection in
            try PurchaseRepository.pending(afterId: 0, limit: 10, in: connection)
        }
        #expect(pending.count == 1)
        // The code is held for the buyer but cannot be used.
        let held = try harness.database.read { connection in
            try connection.queryOne("SELECT customer_id, active FROM codes WHERE id = ?", pending[0].codeId)
        }
        #expect(try held?.get("customer_id", as: String.self) == "c1")
        #expect(try held?.get("active", as: Int64.self) == 0)

        // Loyalty back: the recovery pass (what the job runs at start and each interval) settles it.
        let purchaser = CodePurchaser(
            database: harness.database, clock: harness.clock.wall,
            debit: { request in
                try LoyaltyClient(
                    ServiceClient(
                        service: "loyalty", upstream: harness.loyalty.upstream,
                        secret: InProcessService.internalSecret, http: HTTPClient())
                ).debit(request)
            }, afterDebit: {})
        let logger = Logger(service: "test", level: .error)
        #expect(PurchaseRecoveryJob.runOnce(purchaser: purchaser, logger: logger) == 1)
        #expect(PurchaseRecoveryJob.runOnce(purchaser: purchaser, logger: logger) == 0)
        #expect(try harness.balance("c1") == 30)
        #expect(try harness.holders(campaign: campaign)["c1"]?.count == 1)
        let replay = try harness.purchase(campaign, for: "c1", key: "k1")
        #expect(replay.status == .created)
        #expect(replay.headers["Idempotent-Replayed"] == "true")
    }
}

/// `GET /customers/{customerId}/codes`: what a customer holds, newest first, only their own.
@Suite(.serialized)
struct BoughtAndAssignedCodesListingTests {
    @Test func aCustomer_ListsTheCodesBoughtAndAssigned_NewestFirst_ButNotOthersOrReservations() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let sold = try harness.campaign(codes: 3, pointsPrice: 100, name: "Za punkty")
        let given = try harness.campaign(codes: 3, name: "Dla stałych klientów")
        try harness.order("O1", customer: "c1", email: "c1@example.pl", value: 10_000)
        try harness.credit("c1", 500)
        let bought = try harness.purchase(sold, for: "c1", as: OwnershipHarness.customer("c1"))
            .decode(CodePurchase.self)
        harness.clock.advance(seconds: 60)
        _ = try harness.assign(given, AssignmentCriteria(ordersCountFrom: 1))
        // A reservation still waiting for loyalty is not the customer's yet.
        try harness.database.write { connection in
            try connection.run(
                "UPDATE codes SET customer_id = 'c1', active = 0 WHERE campaign_id = ? AND customer_id IS NULL", sold)
        }

        let first = try harness.discounts.call(
            .get, "/v1/customers/c1/codes?limit=1", as: OwnershipHarness.customer("c1")
        ).decode(Page<CustomerCode>.self)
        let cursor = try #require(first.nextCursor)
        let second = try harness.discounts.call(
            .get, "/v1/customers/c1/codes?limit=1&cursor=\(cursor)", as: OwnershipHarness.customer("c1")
        ).decode(Page<CustomerCode>.self)
        let other = try harness.discounts.call(.get, "/v1/customers/c1/codes", as: OwnershipHarness.customer("c2"))

        #expect(first.items.map(\.campaignName) == ["Dla stałych klientów"])
        #expect(second.items.map(\.code) == [bought.code])
        #expect(second.items.first?.discount == CampaignDiscount(type: .percent, value: 15))
        #expect(second.items.first?.active == true)
        #expect(second.items.first?.used == false)
        #expect(second.nextCursor == nil)
        #expect(other.status == .forbidden)
    }
}
