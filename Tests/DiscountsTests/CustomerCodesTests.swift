import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// `GET /v1/customers/{customerId}/codes`: a customer's codes, newest first, paged; a customer
/// token reaches only its own.
@Suite struct CustomerCodesTests {
    @Test func aCustomersCodes_AreListedNewestFirst_PageByPage() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let campaign = try service.campaign(kind: .assigned, minimum: 5_000, name: "Loyal customers")
        for index in 1...5 {
            try service.code("MINE\(index)", campaign: campaign, customer: "c-1", assignedAt: service.clock.date)
            service.clock.advance(seconds: 1)
        }
        try service.code("OTHER", campaign: campaign, customer: "c-2")
        let archived = try service.campaign(kind: .assigned)
        try service.code("GONE", campaign: archived, customer: "c-1")
        try service.database.write { try $0.run("UPDATE campaigns SET archived_at = 1 WHERE id = ?", archived) }
        _ = try service.redeem("MINE5", order: "O-1", customer: "c-1")

        var seen: [CustomerCode] = []
        var cursor: String?
        repeat {
            let query = "limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let response = try service.service.call(
                .get, "/v1/customers/c-1/codes?\(query)", as: CheckoutTestService.customer("c-1"))
            try #require(response.status == .ok, "\(response.text)")
            let page: Page<CustomerCode> = try response.decode()
            seen += page.items
            cursor = page.nextCursor
        } while cursor != nil
        #expect(seen.map(\.code.text) == ["MINE5", "MINE4", "MINE3", "MINE2", "MINE1"])
        #expect(seen.first?.used == true)
        #expect(seen.last?.used == false)
        #expect(seen.first?.campaignName == "Loyal customers")
        #expect(seen.first?.minOrderValue == 5_000)
        #expect(seen.first?.discount == CampaignDiscount(type: .percent, value: 10))
    }

    @Test func aCustomerToken_ReachingAnotherCustomersCodes_Is403() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let response = try service.service.call(
            .get, "/v1/customers/c-2/codes", as: CheckoutTestService.customer("c-1"))
        #expect(response.status == .forbidden)
        #expect(response.errorEnvelope?.error.code == "forbidden")
        #expect(
            try service.service.call(.get, "/v1/customers/c-2/codes", as: CheckoutTestService.storefront).status == .ok)
    }

    @Test func aForgedCursor_Is400() throws {
        let service = try CheckoutTestService()
        defer { service.stop() }
        let response = try service.service.call(.get, "/v1/customers/c-1/codes?cursor=bm9wZQ")
        #expect(response.status == .badRequest)
        #expect(response.errorEnvelope?.error.code == "invalid_cursor")
    }
}
