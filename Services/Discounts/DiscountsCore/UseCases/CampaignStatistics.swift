import Contract
import FoundationEssentials
import Store

/// The figures of a campaign's live redemptions: the summary, and per code, most orders first.
struct CampaignStatistics: Sendable {
    /// Where a page of the per-code figures continues.
    typealias Position = CampaignStatsRepository.Position

    let dependencies: DiscountsDependencies

    /// The summary and up to `limit` codes' figures after `position`, read in one transaction so
    /// that the two agree; the route's 404 when there is no such campaign.
    func statistics(campaignId id: Int64, after position: Position?, limit: Int) throws
        -> (summary: CodeUsage, perCode: [CodeUsage])
    {
        try dependencies.database.read { connection in
            _ = try CampaignQueries.campaign(id, in: connection)
            return (
                try CampaignStatsRepository.summary(campaignId: id, in: connection),
                try CampaignStatsRepository.perCode(campaignId: id, after: position, limit: limit, in: connection)
            )
        }
    }
}
