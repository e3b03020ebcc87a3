import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// `POST /campaigns/{id}/assignments`: who the criteria match, one code each, idempotent,
/// all or nothing when codes are short, refused for a campaign that is not ready, and the mail.
@Suite(.serialized)
struct AssignmentTests {
    /// Orders of five customers: a spends 600.00 in 3 orders (one of them cancelled, 200.00
    /// not counted), b 900.00 in 1, c 100.00 in 2, d 700.00 in EUR, e 300.00 in 2 (one in the
    /// window's past).
    private func orders(_ harness: OwnershipHarness) throws -> Date {
        let now = harness.clock.date
        let day: TimeInterval = 86_400
        try harness.order("A1", customer: "a", email: "a@example.pl", value: 30_000, placedAt: now - 10 * day)
        try harness.order("A2", customer: "a", email: "a@example.pl", value: 30_000, placedAt: now - 5 * day)
        try harness.order("A3", customer: "a", email: "a@example.pl", value: 20_000, counted: false)
        try harness.order("B1", customer: "b", email: "b@example.pl", value: 90_000, placedAt: now - 40 * day)
        try harness.order("C1", customer: "c", email: "c@example.pl", value: 5_000, placedAt: now - 3 * day)
        try harness.order("C2", customer: "c", email: "c@example.pl", value: 5_000, placedAt: now - 2 * day)
        try harness.order("D1", customer: "d", email: "d@example.pl", value: 70_000, currency: "EUR")
        try harness.order("E1", customer: "e", email: "e@example.pl", value: 15_000, placedAt: now - 60 * day)
        try harness.order("E2", customer: "e", email: "e@example.pl", value: 15_000, placedAt: now - 1 * day)
        try harness.order("G1", customer: nil, email: "guest@example.pl", value: 99_000)
        return now
    }

    private func matched(_ harness: OwnershipHarness, _ criteria: AssignmentCriteria) throws -> [String] {
        let campaign = try harness.campaign(codes: 10)
        let response = try harness.assign(campaign, criteria)
        #expect(response.status == .ok, "\(response.text)")
        return try harness.holders(campaign: campaign).keys.sorted()
    }

    @Test func criteria_CountOnlyCountedOrdersInTheCampaignsCurrency_AndCombine() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let now = try orders(harness)
        let day: TimeInterval = 86_400

        #expect(try matched(harness, AssignmentCriteria(ordersValueFrom: 60_000)) == ["a", "b"])
        #expect(try matched(harness, AssignmentCriteria(ordersValueFrom: 60_001)) == ["b"])
        #expect(try matched(harness, AssignmentCriteria(ordersCountFrom: 2)) == ["a", "c", "e"])
        #expect(try matched(harness, AssignmentCriteria(ordersCountFrom: 3)) == [])
        #expect(
            try matched(harness, AssignmentCriteria(ordersValueFrom: 20_000, ordersCountFrom: 2)) == ["a", "e"])
        // The window alone: at least one order in it.
        #expect(try matched(harness, AssignmentCriteria(orderedFrom: now - 7 * day)) == ["a", "c", "e"])
        #expect(try matched(harness, AssignmentCriteria(orderedTo: now - 30 * day)) == ["b", "e"])
        #expect(
            try matched(harness, AssignmentCriteria(orderedFrom: now - 50 * day, orderedTo: now - 20 * day)) == ["b"])
        // With a window, value and count are the window's: e has 2 orders, 1 of them in it.
        #expect(try matched(harness, AssignmentCriteria(ordersCountFrom: 2, orderedFrom: now - 7 * day)) == ["c"])
        #expect(
            try matched(harness, AssignmentCriteria(ordersValueFrom: 30_000, orderedFrom: now - 7 * day)) == ["a"])
    }

    @Test func assigningTwice_GivesNothingNew_AndEachCustomerOneCode() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        _ = try orders(harness)
        let campaign = try harness.campaign(codes: 5)

        let first = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1)).decode(AssignmentResult.self)
        let second = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1)).decode(AssignmentResult.self)

        #expect(first == AssignmentResult(matched: 4, assigned: 4, alreadyAssigned: 0, notified: 0))
        #expect(second == AssignmentResult(matched: 4, assigned: 0, alreadyAssigned: 4, notified: 0))
        let holders = try harness.holders(campaign: campaign)
        #expect(holders.keys.sorted() == ["a", "b", "c", "e"])
        #expect(holders.values.allSatisfy { $0.count == 1 })
        #expect(try harness.freeCodes(campaign: campaign) == 1)
    }

    @Test func fewerFreeCodesThanCustomers_IsA409NamingTheMissing_AndAssignsNone() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        _ = try orders(harness)
        let campaign = try harness.campaign(codes: 3)

        let response = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1, notify: true))

        #expect(response.status == .conflict)
        #expect(response.errorEnvelope?.error.code == "not_enough_codes")
        #expect(response.errorEnvelope?.error.details?["missing"] == .number(1))
        #expect(try harness.holders(campaign: campaign).isEmpty)
        #expect(try harness.freeCodes(campaign: campaign) == 3)
        // Customers who hold a code need none, and do not count as covered by the free ones.
        _ = try harness.assign(campaign, AssignmentCriteria(ordersValueFrom: 60_000))
        let retried = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1))
        #expect(retried.errorEnvelope?.error.details?["missing"] == .number(1))
        #expect(try harness.holders(campaign: campaign).keys.sorted() == ["a", "b"])
    }

    @Test func batchesOfAssignment_CoverThousandsOfCustomers() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        try harness.database.write { connection in
            for index in 0..<2_345 {
                try connection.run(
                    """
                    INSERT INTO orders (order_number, sequence, customer_id, email, currency, order_value, status,
                        counted, placed_at)
                    VALUES (?, 1, ?, ?, 'PLN', 1000, 'paid', 1, 0)
                    """, "N\(index)", "cust-\(index)", "cust\(index)@example.pl")
            }
        }
        let campaign = try harness.campaign(codes: 2_400)

        let started = ContinuousClock.now
        let result = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1, notify: true))
            .decode(AssignmentResult.self)
        let took = ContinuousClock.now - started

        #expect(result == AssignmentResult(matched: 2_345, assigned: 2_345, alreadyAssigned: 0, notified: 2_345))
        #expect(try harness.holders(campaign: campaign).count == 2_345)
        print("assignment: 2345 customers with mail queued in \(took)")
    }

    @Test(arguments: [("generating", false), ("failed", false), ("ready", true)])
    func aCampaignNotReady_IsA409(status: String, archived: Bool) throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        _ = try orders(harness)
        let campaign = try harness.campaign(codes: 10, status: status, archived: archived)

        let response = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1))

        #expect(response.status == .conflict)
        #expect(response.errorEnvelope?.error.code == "campaign_not_ready")
        #expect(
            response.errorEnvelope?.error.details?["status"] == .string(archived ? "archived" : status))
        #expect(try harness.holders(campaign: campaign).isEmpty)
    }

    @Test func badCriteria_AreA422NamingTheField_AndAMissingCampaignA404() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1)

        let none = try harness.assign(campaign, AssignmentCriteria(notify: true))
        let reversed = try harness.assign(
            campaign, AssignmentCriteria(orderedFrom: harness.clock.date, orderedTo: harness.clock.date - 1))
        let missing = try harness.assign(campaign + 100, AssignmentCriteria(ordersCountFrom: 1))

        #expect(none.status == .unprocessableContent)
        #expect(none.errorEnvelope?.error.code == "validation_failed")
        #expect(reversed.errorEnvelope?.error.details?["field"] == .string("orderedTo"))
        #expect(missing.status == .notFound)
    }

    @Test func notify_MailsEachNewlyAssignedCustomerTheirCode_ThroughSMTP() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        _ = try orders(harness)
        let campaign = try harness.campaign(codes: 5)
        try harness.order(
            "A4", customer: "a", email: "anna.nowa@example.pl", value: 1_000, counted: false,
            placedAt: harness.clock.date + 1)

        let first = try harness.assign(campaign, AssignmentCriteria(ordersValueFrom: 60_000, notify: true))
        let second = try harness.assign(campaign, AssignmentCriteria(ordersCountFrom: 1, notify: true))
        let mails = harness.waitForMail(4)

        #expect(try first.decode(AssignmentResult.self).notified == 2)
        #expect(try second.decode(AssignmentResult.self).notified == 2)
        usleep(300_000)  // nothing more arrives
        #expect(harness.smtp.messages.count == 4)
        let holders = try harness.holders(campaign: campaign)
        // The address of the latest order, even a cancelled one.
        let expected = ["a": "anna.nowa@example.pl", "b": "b@example.pl", "c": "c@example.pl", "e": "e@example.pl"]
        for (customer, address) in expected {
            let mail = try #require(mails.first { $0.recipients == [address] }, "mail to \(address)")
            let code = try #require(holders[customer]?.first)
            #expect(mail.decodedBody.contains(code), "the mail to \(address) names its code")
            #expect(mail.decodedBody.contains("Rabat: 15% wartości zamówienia"))
            #expect(mail.decodedSubject == "Twój kod rabatowy: \(code)")
        }
    }
}
