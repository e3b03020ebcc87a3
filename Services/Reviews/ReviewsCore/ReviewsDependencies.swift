import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// What the reviews routes and use cases share.
struct ReviewsDependencies: Sendable {
    let database: Database
    /// What every timestamp reads.
    let clock: WallClock
    /// Carries the published-review events to loyalty.
    let outbox: Outbox
    /// Reviews per author (customer id or author name); the admin is not limited.
    let authorLimit: TokenBucketLimiter

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }
}
