import FoundationEssentials
import HTTP
import Primitives
import ServiceKit
import Store

/// What the campaign controllers share: the database, the clock, and the background job they
/// hand generation and removal to.
struct DiscountsDependencies: Sendable {
    let database: Database
    /// What every timestamp and validity decision reads.
    let clock: WallClock
    let job: CampaignJob
    let settings: GenerationSettings

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }

    /// The `id` path parameter (a bad one is a 400).
    static func campaignId(_ context: RequestContext) throws(HTTPError) -> Int64 {
        try context.parameters.require("id", as: Int64.self)
    }

    /// The campaign, or the route's 404.
    func campaign(_ id: Int64) throws -> CampaignRecord {
        guard let record = try database.read({ try CampaignRepository.find(id, in: $0) }) else {
            throw HTTPError.notFound("No campaign \(id).")
        }
        return record
    }
}
