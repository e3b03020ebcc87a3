import Contract
import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit
import Store

/// What the use cases share: the database, the clock and the outgoing mail.
struct LoyaltyDependencies: Sendable {
    let database: Database
    /// What every timestamp and expiry decision reads.
    let clock: WallClock
    let mailer: Mailer
    let outbox: Outbox
    /// Where the shop owner is told about new exchange orders; nil sends nothing.
    let adminEmail: String?
    let logger: Logger

    /// The service's parts; the clock is the service's one (`ServiceDefinition.clock`).
    init(environment: ServiceEnvironment) {
        database = environment.database
        clock = environment.clock
        mailer = environment.mailer
        outbox = environment.outbox
        adminEmail = environment.configuration.adminEmail
        logger = environment.logger
    }

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }

}
