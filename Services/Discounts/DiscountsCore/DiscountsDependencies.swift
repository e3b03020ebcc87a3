import FoundationEssentials
import Primitives
import Store

/// What the campaign use cases and controllers share: the database, the clock, and the
/// background job they hand generation and removal to.
struct DiscountsDependencies: Sendable {
    let database: Database
    /// What every timestamp and validity decision reads.
    let clock: WallClock
    let job: CampaignJob
    let settings: GenerationSettings

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }
}
