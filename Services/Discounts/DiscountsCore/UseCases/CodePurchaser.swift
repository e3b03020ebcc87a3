import Contract
import FoundationEssentials
import HTTP
import Primitives
import ServiceKit
import Store

/// Loyalty's debit, as the purchaser calls it (`LoyaltyClient.debit` in the service).
typealias PointDebiting = @Sendable (PointDebitRequest) throws -> PointDebit

/// Sells a campaign's codes for loyalty points, in three steps that a crash cannot split:
///
/// 1. One write transaction reserves a free code (the buyer's, inactive) and records the
///    purchase `pending` with a random debit id: from here on the intent is durable.
/// 2. Loyalty is asked, outside any transaction, to debit the price under that debit id. The
///    same id never debits twice, so this step may be repeated freely.
/// 3. One write transaction settles the purchase by the answer (`PurchaseSettlement`): the code
///    becomes the customer's, or is freed with loyalty's refusal kept.
///
/// A crash after step 1 leaves a pending purchase that `PurchaseRecoveryJob` (or the caller
/// retrying with the same Idempotency-Key) settles by repeating steps 2 and 3; a purchase is
/// settled by one thread at a time in this process (`inFlight`), so a refusal is never followed
/// by a late debit under the same id from here.
final class CodePurchaser: Sendable {
    let database: Database
    let clock: WallClock
    private let debit: PointDebiting
    /// Runs right after loyalty took the points and before the code is handed over, the worst
    /// moment to crash; the service's crash test makes it kill the process. Normally nothing.
    private let afterDebit: @Sendable () -> Void
    /// The purchases this process is settling now.
    private let inFlight = Locked<Set<Int64>>([])

    init(
        database: Database, clock: WallClock, debit: @escaping PointDebiting, afterDebit: @escaping @Sendable () -> Void
    ) {
        self.database = database
        self.clock = clock
        self.debit = debit
        self.afterDebit = afterDebit
    }

    /// Buys a code of `campaignId` for `customerId`; `replayed` is true when the purchase was
    /// made before under the same Idempotency-Key. Throws `OwnershipRefusal`, loyalty's refusal
    /// (`PurchaseRefusal`), or a 503 when loyalty's answer is not known yet (the purchase then
    /// stays pending and is settled later).
    func purchase(
        campaignId: Int64, customerId: CustomerId, claim: Idempotency.Claim?
    ) throws -> (purchase: CodePurchase, replayed: Bool) {
        let now = clock.date()
        let (record, isNew) = try database.write { connection -> (PurchaseRecord, Bool) in
            if let claim, let existing = try PurchaseRepository.find(claim, in: connection) {
                try claim.check(fingerprint: existing.fingerprint ?? "")
                return (existing, false)
            }
            return (
                try reserve(campaignId: campaignId, customerId: customerId, claim: claim, now: now, connection), true
            )
        }
        let inProgress = HTTPError.unavailable(
            "The purchase is being settled; ask again with the same Idempotency-Key to learn its outcome.")
        guard let settled = record.state == .pending ? try settle(record) : record else { throw inProgress }
        switch settled.state {
        case .completed: return (try settled.view(), !isNew)
        case .refused: throw settled.refusal ?? PurchaseRefusal.pointsReturned
        case .pending: throw inProgress
        }
    }

    /// Asks loyalty for the points of a pending purchase and settles it by the answer. Returns the
    /// purchase as it now stands, or nil when another thread of this process is settling it;
    /// throws when loyalty's answer is unknown (the purchase stays pending).
    func settle(_ record: PurchaseRecord) throws -> PurchaseRecord? {
        let claimed = inFlight.withLock { $0.insert(record.id).inserted }
        guard claimed else { return nil }
        defer { _ = inFlight.withLock { $0.remove(record.id) } }
        // Read again under the claim: another thread may have settled it since it was read.
        guard let current = try database.read({ try PurchaseRepository.find(record.id, in: $0) }) else { return nil }
        guard current.state == .pending else { return current }
        let outcome = Result<PointDebit, any Error> {
            try debit(
                PointDebitRequest(
                    debitId: current.debitId, customerId: current.customerId, points: current.points,
                    reason: current.debitReason))
        }
        if case .success = outcome { afterDebit() }
        let settlement = PurchaseSettlement.of(outcome)
        if case .leavePending(let error) = settlement { throw error }
        let now = clock.date()
        return try database.write { connection in
            switch settlement {
            case .complete:
                if try PurchaseRepository.markCompleted(current.id, at: now, in: connection) {
                    try CodeOwnershipRepository.completeReservation(current.codeId, at: now, in: connection)
                }
            case .release(let refusal):
                if try PurchaseRepository.markRefused(current.id, refusal: refusal, at: now, in: connection) {
                    try CodeOwnershipRepository.releaseReservation(current.codeId, in: connection)
                }
            case .leavePending:
                break
            }
            return try PurchaseRepository.find(current.id, in: connection)
        }
    }

    /// Step 1: the campaign must be sold for points and ready; its first free code is reserved.
    private func reserve(
        campaignId: Int64, customerId: CustomerId, claim: Idempotency.Claim?, now: Date, _ connection: Connection
    ) throws -> PurchaseRecord {
        guard let offer = try CampaignOfferRepository.find(campaignId, in: connection) else {
            throw OwnershipRefusal.noCampaign(campaignId)
        }
        guard let price = offer.pointsPrice else { throw OwnershipRefusal.notForSale(campaignId) }
        guard offer.isReady else { throw OwnershipRefusal.notReady(campaignId, offer.shownStatus) }
        guard let code = try CodeOwnershipRepository.freeCodes(campaignId: campaignId, limit: 1, in: connection).first,
            try CodeOwnershipRepository.reserve(code.id, for: customerId.text, in: connection)
        else { throw OwnershipRefusal.noFreeCodes(campaignId) }
        return try PurchaseRepository.insert(
            offer: offer, code: code, customerId: customerId.text, points: price, claim: claim, at: now,
            in: connection)
    }
}
