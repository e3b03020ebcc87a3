import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// What the registry's routes and use cases share.
struct PersonalDataDependencies: Sendable {
    let database: Database
    /// What every timestamp reads.
    let clock: WallClock

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }
}
