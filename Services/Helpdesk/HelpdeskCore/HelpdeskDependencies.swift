import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// What the helpdesk routes and use cases share.
struct HelpdeskDependencies: Sendable {
    let database: Database
    /// What every timestamp reads.
    let clock: WallClock
    /// Queues the reply notifications.
    let mailer: Mailer
    /// Sends them.
    let outbox: Outbox
    /// The shop's page of a thread, `{orderNumber}` and `{threadId}` filled in
    /// (`ZAPLECZE_HELPDESK_THREAD_PATH`, below `ZAPLECZE_SHOP_URL`).
    let threadPath: String
    /// Threads and messages per writer (customer id, else the thread's address); the admin is
    /// not limited.
    let writerLimit: TokenBucketLimiter

    /// The time now, by the service's clock.
    func now() -> Date { clock.date() }
}
