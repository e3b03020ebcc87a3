import Contract
import FoundationEssentials
import Store

/// Every code of a campaign, read page by page for the CSV export: each page in its own short
/// transaction, handed on before the next is read, so a million codes never sit in memory and no
/// read holds a snapshot (and the WAL) for long.
struct CodesExport: Sendable {
    /// Rows read per transaction: small enough that no read lasts long, large enough that a
    /// million rows take few queries.
    static let pageSize = 5_000

    let campaignId: Int64
    let database: Database

    /// The export of campaign `id`; the route's 404 when there is no such campaign, checked now so
    /// that the answer's status is known before its body streams.
    init(campaignId id: Int64, dependencies: DiscountsDependencies) throws {
        _ = try CampaignQueries(dependencies: dependencies).campaign(id)
        campaignId = id
        database = dependencies.database
    }

    /// Hands `body` each page of codes in code order (the last may be empty).
    func forEachPage(_ body: ([CampaignCode]) throws -> Void) throws {
        var after: String?
        repeat {
            let codes = try database.read { connection in
                try CampaignCodeRepository.page(
                    campaignId: campaignId, afterCode: after, limit: Self.pageSize, in: connection)
            }
            try body(codes)
            after = codes.count == Self.pageSize ? codes.last?.code.text : nil
        } while after != nil
    }
}
