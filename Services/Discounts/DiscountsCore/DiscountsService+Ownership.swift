import Contract
import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit
import Store

/// Codes given to customers: assignment by criteria and purchase for points, their routes and
/// the job that settles purchases a crash or an unreachable loyalty service left pending.
extension DiscountsService {
    /// The variable that makes the service kill itself once, right after loyalty took the points
    /// of a purchase and before the code is handed over: the crash test sets it to a file that
    /// exists, and the file is removed before the kill so the restarted service runs normally.
    /// Unset (always, outside that test), nothing happens.
    static let crashAfterDebitVariable = "ZAPLECZE_TEST_CRASH_AFTER_DEBIT_FILE"

    /// A new purchaser for the process's environment.
    static func purchaser(_ environment: ServiceEnvironment, clock: WallClock) -> CodePurchaser {
        let crashFile = environment.configuration.environment[crashAfterDebitVariable]
        return CodePurchaser(
            database: environment.database, clock: clock,
            debit: { request in try LoyaltyClient(try environment.client(for: "loyalty")).debit(request) },
            afterDebit: {
                guard let crashFile, unlink(crashFile) == 0 else { return }
                raise(SIGKILL)
            })
    }

    /// The assignment and purchase routes.
    static func ownershipRoutes(
        _ environment: ServiceEnvironment, clock: WallClock, purchaser: CodePurchaser
    ) -> RouteCollection {
        RouteCollection()
            .include(AssignmentsController(environment: environment, clock: clock).routes)
            .include(PurchasesController(purchaser: purchaser).routes)
    }

    /// Starts the recovery job; returns what stops it.
    static func startOwnershipJobs(
        _ environment: ServiceEnvironment, purchaser: CodePurchaser, interval: Duration
    ) -> @Sendable () -> Void {
        let job = PurchaseRecoveryJob(purchaser: purchaser, interval: interval, logger: environment.logger)
        job.start()
        return { job.stop() }
    }
}

/// The one purchaser of a running service, shared by the purchase route and the recovery job
/// (it knows which purchases are being settled), made on first use since both are built from
/// the environment only once the service starts.
final class PurchaserSlot: Sendable {
    private let clock: WallClock
    private let slot = Locked<CodePurchaser?>(nil)

    init(clock: WallClock) { self.clock = clock }

    /// The purchaser, made for `environment` the first time.
    func purchaser(_ environment: ServiceEnvironment) -> CodePurchaser {
        slot.withLock { current in
            if let current { return current }
            let made = DiscountsService.purchaser(environment, clock: clock)
            current = made
            return made
        }
    }
}
