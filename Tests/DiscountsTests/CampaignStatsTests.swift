import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// A campaign's statistics: orders, their value and the discount granted, from live redemptions
/// only, as a summary and per code (most orders first, paged).
struct CampaignStatsTests {
    @Test func theSummaryAndPerCodeFigures_CountLiveRedemptionsOnly() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(
            CampaignTestService.input(kind: .multiUse, count: 10, mask: "S<NUM:10>"))
        try service.createReady(CampaignTestService.input(kind: .multiUse, count: 2, mask: "T<NUM:10>"))
        try service.redeem("S10", order: "SO-1", value: 10_000, discount: 1_000)
        try service.redeem("S10", order: "SO-2", value: 20_000, discount: 2_000)
        try service.redeem("S10", order: "SO-3", value: 5_000, discount: 500)
        try service.redeem("S11", order: "SO-4", value: 8_000, discount: 800)
        try service.redeem("S11", order: "SO-5", value: 4_000, discount: 400)
        try service.redeem("S12", order: "SO-6", value: 1_000, discount: 100)
        // One order with two of the campaign's codes counts once, with both discounts.
        try service.redeem("S13", order: "SO-6", value: 1_000, discount: 150)
        // Released (a cancelled order) and other campaigns' redemptions do not count.
        try service.redeem("S14", order: "SO-7", value: 99_000, discount: 9_900)
        try service.release(order: "SO-7")
        try service.redeem("T10", order: "SO-8", value: 50_000, discount: 5_000)

        let stats: CampaignStats = try service.call(.get, "/campaigns/\(campaign.id)/stats").decode()
        #expect(stats.summary == CodeUsage(orders: 6, orderValue: 48_000, discountGranted: 4_950, codesUsed: 4))
        #expect(
            stats.perCode.items == [
                CodeUsage(code: "S10", orders: 3, orderValue: 35_000, discountGranted: 3_500, codesUsed: 1),
                CodeUsage(code: "S11", orders: 2, orderValue: 12_000, discountGranted: 1_200, codesUsed: 1),
                CodeUsage(code: "S12", orders: 1, orderValue: 1_000, discountGranted: 100, codesUsed: 1),
                CodeUsage(code: "S13", orders: 1, orderValue: 1_000, discountGranted: 150, codesUsed: 1),
            ])
        #expect(stats.perCode.nextCursor == nil)
        #expect(try service.campaign(campaign.id).usedCount == 4)

        var seen: [String] = []
        var cursor: String?
        repeat {
            let page: CampaignStats = try service.call(
                .get, "/campaigns/\(campaign.id)/stats?limit=1" + (cursor.map { "&cursor=\($0)" } ?? "")
            ).decode()
            #expect(page.summary == stats.summary)
            seen += page.perCode.items.compactMap { $0.code?.text }
            cursor = page.perCode.nextCursor
        } while cursor != nil
        #expect(seen == ["S10", "S11", "S12", "S13"])
        #expect(try service.call(.get, "/campaigns/\(campaign.id)/stats?cursor=eA").errorCode == "invalid_cursor")
    }

    @Test func aCampaignWithoutUse_HasZeroFigures() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(count: 3))
        let stats: CampaignStats = try service.call(.get, "/campaigns/\(campaign.id)/stats").decode()
        #expect(stats.summary == CodeUsage(orders: 0, orderValue: 0, discountGranted: 0, codesUsed: 0))
        #expect(stats.perCode.items.isEmpty)
    }
}
