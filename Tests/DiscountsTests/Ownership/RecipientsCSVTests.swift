import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// `GET /campaigns/{id}/assignments/recipients.csv`: the matching customers' addresses as
/// RFC 4180 CSV that a spreadsheet cannot run, and the same criteria rules as the assignment.
@Suite(.serialized)
struct RecipientsCSVTests {
    @Test func recipients_AreTheMatchingCustomers_QuotedAndSafeForSpreadsheets() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1)
        try harness.order("O1", customer: "plain", email: "plain@example.pl", value: 10_000)
        try harness.order("O2", customer: "=HYPERLINK(\"x\")", email: "formula@example.pl", value: 10_000)
        try harness.order("O3", customer: "comma,customer", email: "@evil@example.pl", value: 10_000)
        try harness.order("O4", customer: "no-mail", email: nil, value: 10_000)
        try harness.order("O5", customer: "small", email: "small@example.pl", value: 100)
        try harness.order("O6", customer: "cancelled", email: "c@example.pl", value: 50_000, counted: false)

        let response = try harness.recipients(campaign, query: "ordersValueFrom=5000")

        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/csv; charset=utf-8")
        let expected = """
            customerId,email\r
            "'=HYPERLINK(""x"")",formula@example.pl\r
            "comma,customer",'@evil@example.pl\r
            no-mail,\r
            plain,plain@example.pl\r

            """
        #expect(response.text == expected)
    }

    @Test func theDateWindow_IsReadFromTheQuery() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1)
        try harness.order(
            "O1", customer: "march", email: "m@example.pl", value: 1, placedAt: RFC3339.parse("2026-03-10T10:00:00Z"))
        try harness.order(
            "O2", customer: "june", email: "j@example.pl", value: 1, placedAt: RFC3339.parse("2026-06-10T10:00:00Z"))

        let response = try harness.recipients(
            campaign, query: "orderedFrom=2026-03-01T00:00:00Z&orderedTo=2026-03-31T23:59:59Z")

        #expect(response.text == "customerId,email\r\nmarch,m@example.pl\r\n")
    }

    @Test(arguments: [
        ("ordersValueFrom=abc", "ordersValueFrom"), ("ordersValueFrom=-1", "ordersValueFrom"),
        ("ordersCountFrom=0", "ordersCountFrom"), ("orderedFrom=yesterday", "orderedFrom"),
        ("orderedFrom=2026-03-02T00:00:00Z&orderedTo=2026-03-01T00:00:00Z", "orderedTo"),
    ])
    func aBadCriterion_IsA422NamingIt(query: String, field: String) throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1)

        let response = try harness.recipients(campaign, query: query)

        #expect(response.status == .unprocessableContent)
        #expect(response.errorEnvelope?.error.code == "validation_failed")
        #expect(response.errorEnvelope?.error.details?["field"] == .string(field))
    }

    @Test func noCriterion_ListsEveryCustomerWithAnOrder() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }
        let campaign = try harness.campaign(codes: 1)
        try harness.order("O1", customer: "b", email: "b@example.pl", value: 1)
        try harness.order("O2", customer: "a", email: "a@example.pl", value: 1)
        try harness.order("O3", customer: "gone", email: "g@example.pl", value: 1, counted: false)

        let response = try harness.recipients(campaign, query: "")

        #expect(response.text == "customerId,email\r\na,a@example.pl\r\nb,b@example.pl\r\n")
    }

    @Test func aMissingCampaign_IsA404() throws {
        let harness = try OwnershipHarness()
        defer { harness.stop() }

        let response = try harness.recipients(404, query: "ordersCountFrom=1")

        #expect(response.status == .notFound)
    }
}
