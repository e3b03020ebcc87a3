import Contract
import FoundationEssentials
import HTTP
import Store

/// What the admin reads of campaigns: one by id (the 404 every campaign route answers for an id
/// that names none) and the search.
struct CampaignQueries: Sendable {
    let dependencies: DiscountsDependencies

    /// The campaign, or the route's 404.
    func campaign(_ id: Int64) throws -> CampaignRecord {
        try dependencies.database.read { try Self.campaign(id, in: $0) }
    }

    /// Campaign `id` read in the caller's transaction, so what else it reads agrees with it; the
    /// route's 404 when there is none.
    static func campaign(_ id: Int64, in connection: Connection) throws -> CampaignRecord {
        guard let record = try CampaignRepository.find(id, in: connection) else {
            throw HTTPError.notFound("No campaign \(id).")
        }
        return record
    }

    /// Up to `limit` campaigns older than `beforeId`, newest first: `name` any part in any letter
    /// case, `time` judged by the service's clock now.
    func search(name: String?, time: CampaignTime, beforeId: Int64?, limit: Int) throws -> [CampaignRecord] {
        let search = CampaignRepository.Search(name: name, time: time, beforeId: beforeId, limit: limit)
        let now = dependencies.now()
        return try dependencies.database.read { try CampaignRepository.search(search, now: now, in: $0) }
    }
}
