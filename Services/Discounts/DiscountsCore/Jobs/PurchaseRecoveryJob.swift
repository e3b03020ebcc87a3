import FoundationEssentials
import Primitives
import ServiceKit
import Store

/// Settles purchases left pending: at start (a crash between the debit and the hand-over leaves
/// them behind) and then every `interval` (loyalty was unreachable when the buyer asked).
///
/// It repeats what the request did, under the purchase's own debit id: loyalty answers a debit
/// it already recorded with that same debit (nothing is taken twice) and the code is handed
/// over; a debit it never recorded is taken now or refused, and the code is handed over or
/// freed. That one call is final whatever happened before the crash. The alternatives are worse:
/// asking loyalty whether the debit exists and freeing the code when it does not would race a
/// debit still on its way there (points gone, code freed); compensating every debit in doubt
/// would cancel purchases the customer asked for, whose code is still held for them.
final class PurchaseRecoveryJob: Sendable {
    private let task: PeriodicTask

    /// Purchases read per page of a pass.
    static let pageSize = 100

    /// A job settling `purchaser`'s pending purchases every `interval`, and once at start.
    init(purchaser: CodePurchaser, interval: Duration, logger: Logger) {
        task = PeriodicTask(name: "purchase-recovery", interval: interval, runsAtStart: true) { task in
            Self.runOnce(purchaser: purchaser, logger: logger, isStopping: { task.isStopping })
        }
    }

    /// Starts the background thread.
    func start() { task.start() }

    /// Stops the thread promptly and waits for it to end.
    func stop() { task.stop() }

    /// One pass over every pending purchase; returns how many were settled (completed or refused).
    @discardableResult
    static func runOnce(purchaser: CodePurchaser, logger: Logger, isStopping: () -> Bool = { false }) -> Int {
        var settled = 0
        var after: Int64 = 0
        while !isStopping() {
            let page: [PurchaseRecord]
            do {
                page = try purchaser.database.read {
                    try PurchaseRepository.pending(afterId: after, limit: Self.pageSize, in: $0)
                }
            } catch {
                logger.error("reading pending purchases failed", [("error", .string(String(describing: error)))])
                return settled
            }
            for record in page {
                if isStopping() { return settled }
                do {
                    if let result = try purchaser.settle(record), result.state != .pending {
                        settled += 1
                        logger.info(
                            "pending purchase settled",
                            [("purchase", .int(record.id)), ("state", .string(result.state.rawValue))])
                    }
                } catch {
                    logger.warn(
                        "pending purchase not settled yet",
                        [("purchase", .int(record.id)), ("error", .string(String(describing: error)))])
                }
            }
            guard page.count == Self.pageSize, let last = page.last else { return settled }
            after = last.id
        }
        return settled
    }
}
