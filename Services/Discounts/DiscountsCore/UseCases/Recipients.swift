import Contract
import FoundationEssentials
import Store

/// The customers a campaign's assignment criteria match, with the address to mail them at.
///
/// Addresses come from the `orders` table (the buyer's e-mail of the customer's latest order that
/// had one), the only place this service learns them until the personal-data registry has a typed
/// client; it will then be asked instead.
struct Recipients: Sendable {
    let database: Database

    /// Hands `body` every customer `criteria` match (order figures in the campaign's currency), in
    /// customer id order, whether or not they hold a code already, all in one read;
    /// `OwnershipRefusal.noCampaign` when there is no such campaign.
    func forEach(
        campaignId: Int64, matching criteria: AssignmentCriteria, _ body: (MatchedCustomer) throws -> Void
    ) throws {
        try database.read { connection in
            guard let offer = try CampaignOfferRepository.find(campaignId, in: connection) else {
                throw OwnershipRefusal.noCampaign(campaignId)
            }
            try CustomerStatsRepository.forEachMatching(criteria, currency: offer.currency, in: connection, body)
        }
    }
}
