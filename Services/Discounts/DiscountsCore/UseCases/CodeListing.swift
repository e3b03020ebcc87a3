import Contract
import FoundationEssentials
import Store

/// A campaign's codes for the admin, a page at a time, in code order.
struct CodeListing: Sendable {
    /// The list's filters: `used`, `active`, `customerId`, `prefix` (normalised already).
    typealias Filter = CampaignCodeRepository.Filter

    let dependencies: DiscountsDependencies

    /// Up to `limit` codes of campaign `id` after `afterCode` that pass `filter`; the route's 404
    /// when there is no such campaign.
    func page(campaignId id: Int64, filter: Filter, afterCode: String?, limit: Int) throws -> [CampaignCode] {
        try dependencies.database.read { connection in
            _ = try CampaignQueries.campaign(id, in: connection)
            return try CampaignCodeRepository.page(
                campaignId: id, filter: filter, afterCode: afterCode, limit: limit, in: connection)
        }
    }
}
