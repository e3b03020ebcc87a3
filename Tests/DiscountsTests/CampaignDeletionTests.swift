import Contract
import Foundation
import HTTP
import TestSupport
import Testing

@testable import DiscountsCore

/// Deleting a campaign: one never used goes with its codes (removed in chunks by the background
/// job); one with used codes is archived and keeps its history; one still generating stops first.
struct CampaignDeletionTests {
    /// Polls until the campaign's rows are gone (at most 30 s).
    private func waitUntilRemoved(_ service: CampaignTestService, _ id: Int64) throws {
        let removed = try eventually(interval: .milliseconds(10)) {
            let left = try service.database.read { connection in
                try connection.scalar(
                    "SELECT (SELECT count(*) FROM codes WHERE campaign_id = ?1) + (SELECT count(*) FROM campaigns WHERE id = ?1)",
                    id, as: Int64.self)
            }
            return left == 0
        }
        if !removed { Issue.record("campaign \(id) was not removed") }
    }

    @Test func aCampaignNeverUsed_IsDeleted_WithItsCodes_InChunks() throws {
        let service = try CampaignTestService(generation: GenerationSettings(chunkSize: 1_000, removalChunk: 700))
        defer { service.stop() }
        let doomed = try service.createReady(CampaignTestService.input(count: 5_000))
        let kept = try service.createReady(CampaignTestService.input(name: "kept", count: 10))
        let answer = try service.call(.delete, "/campaigns/\(doomed.id)")
        #expect(answer.status.code == 204)
        #expect(try service.call(.get, "/campaigns/\(doomed.id)").status.code == 404)
        #expect(try service.call(.get, "/campaigns/\(doomed.id)/codes").status.code == 404)
        #expect(try service.call(.get, "/campaigns").decode(Page<Campaign>.self).items.map(\.id) == [kept.id])
        try waitUntilRemoved(service, doomed.id)
        #expect(try service.storedCodes(kept.id).count == 10)
        #expect(try service.call(.delete, "/campaigns/\(doomed.id)").status.code == 404)
    }

    @Test func aCampaignWithUsedCodes_IsArchived_KeepingItsCodesHistoryAndStatistics() throws {
        let service = try CampaignTestService()
        defer { service.stop() }
        let campaign = try service.createReady(CampaignTestService.input(count: 20))
        let code = try service.storedCodes(campaign.id)[3]
        try service.redeem(code, order: "SO-1", value: 10_000, discount: 1_000)
        // A released redemption is history too: it alone would also make delete archive.
        try service.release(order: "SO-1")
        try service.redeem(code, order: "SO-2", value: 5_000, discount: 500)
        #expect(try service.call(.delete, "/campaigns/\(campaign.id)").status.code == 204)
        let archived = try service.campaign(campaign.id)
        #expect(archived.status == .archived)
        #expect(archived.archivedAt == service.clock.date)
        #expect(archived.usedCount == 1)
        #expect(archived.progress == 1)
        // Whatever asks whether the codes can be used (status 'ready') is told no.
        let stored = try service.database.read { connection in
            try connection.scalar("SELECT status FROM campaigns WHERE id = ?", campaign.id, as: String.self)
        }
        #expect(stored == "failed")
        #expect(try service.storedCodes(campaign.id).count == 20)
        let stats: CampaignStats = try service.call(.get, "/campaigns/\(campaign.id)/stats").decode()
        #expect(stats.summary.orders == 1)
        #expect(stats.summary.orderValue == 5_000)
        let page: Page<CampaignCode> = try service.call(.get, "/campaigns/\(campaign.id)/codes?used=true").decode()
        #expect(page.items.map(\.orderNumber) == ["SO-2"])
        // Deleting it again changes nothing.
        #expect(try service.call(.delete, "/campaigns/\(campaign.id)").status.code == 204)
        #expect(try service.campaign(campaign.id).archivedAt == archived.archivedAt)
    }

    @Test func deletingACampaignStillGenerating_StopsItsJob_ThenRemovesWhatItWrote() throws {
        let service = try CampaignTestService(
            generation: GenerationSettings(chunkSize: 500, removalChunk: 300, pause: .milliseconds(20)))
        defer { service.stop() }
        let answer = try service.call(.post, "/campaigns", json: CampaignTestService.input(count: 50_000))
        let id = try answer.decode(Campaign.self).id
        try eventually(interval: .milliseconds(5)) { try service.campaign(id).generated >= 1_000 }
        #expect(try service.call(.delete, "/campaigns/\(id)").status.code == 204)
        try waitUntilRemoved(service, id)
        // A later campaign is generated: the job went on after the removal.
        let next = try service.createReady(CampaignTestService.input(count: 10))
        #expect(next.status == .ready)
    }
}
