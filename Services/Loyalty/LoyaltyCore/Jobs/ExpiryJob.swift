import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit
import Store

/// Expires points in the background: every `interval` it finds customers with lots past their
/// expiry and writes one `expired` entry per lot, a batch of customers per transaction. Reads
/// and spending also expire a customer's due lots on the spot, so the job only keeps balances
/// that nobody touches exact.
final class ExpiryJob: Sendable {
    private let task: PeriodicTask

    /// Customers handled per transaction, so a large backlog never holds the writer long.
    static let customersPerTransaction = 100

    init(database: Database, clock: WallClock, interval: Duration, logger: Logger) {
        task = PeriodicTask(name: "points-expiry", interval: interval) { _ in
            do {
                let expired = try Self.runOnce(database: database, now: clock.date())
                if expired > 0 { logger.info("points expired", [("lots", .int(Int64(expired)))]) }
            } catch {
                logger.error("points expiry failed", [("error", .string(String(describing: error)))])
            }
        }
    }

    /// Starts the background thread; the first pass runs one interval after start.
    func start() { task.start() }

    /// Stops the thread promptly (it wakes from its wait at once) and waits for it to end.
    func stop() { task.stop() }

    /// Expires everything due now; returns how many lots expired.
    @discardableResult
    static func runOnce(database: Database, now: Date) throws -> Int {
        var expired = 0
        while true {
            let (customers, lots) = try database.write { connection -> (Int, Int) in
                let due = try Ledger.customersWithDueLots(in: connection, now: now, limit: customersPerTransaction)
                let ledger = Ledger(connection: connection, now: now, expiryMonths: nil)
                var lots = 0
                for customerId in due { lots += try ledger.expireDue(customerId) }
                return (due.count, lots)
            }
            expired += lots
            if customers < customersPerTransaction { return expired }
        }
    }
}
