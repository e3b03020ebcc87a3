import Contract
import FoundationEssentials
import Glibc
import Store

/// Points taken by other services (a discount code bought with points), each under the caller's
/// debit id, and given back once by a compensation, with their original expiry.
///
/// The debit id makes a debit idempotent: the same id answers the recorded debit and takes
/// nothing more; a different customer or amount under a used id is refused. A refused debit
/// records nothing, so it may be retried under the same id. Each move is one transaction.
struct PointDebits: Sendable {
    let dependencies: LoyaltyDependencies

    /// What a debit or a compensation did: the debit, and whether this call changed anything or
    /// found it done by an earlier one.
    struct Outcome {
        var debit: PointDebit
        var repeated: Bool
    }

    /// Takes the points of `request` (its shape checked by `problems(of:)`), or answers the
    /// debit recorded under its id; `InsufficientPoints` when the balance is short.
    func debit(_ request: PointDebitRequest, by actor: String) throws -> Outcome {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            if let existing = try PointDebitRepository.find(request.debitId, in: connection) {
                guard CustomerId(existing.debit.customerId) == CustomerId(request.customerId),
                    existing.debit.points == request.points
                else { throw PointDebitRefusal.idReused(request.debitId) }
                return Outcome(debit: existing.debit, repeated: true)
            }
            let program = try ProgramRepository.load(connection)
            let taken = try Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths).debit(
                request.customerId, points: request.points, kind: .debit,
                cause: HistoryCause(debitId: request.debitId, actor: actor, reason: request.reason), shortfall: .refuse
            )
            let recorded = PointDebit(
                debitId: request.debitId, customerId: request.customerId, points: request.points,
                reason: request.reason, balanceAfter: taken.entry.balanceAfter, createdAt: now
            )
            try PointDebitRepository.insert(recorded, historyId: taken.entry.id, in: connection)
            return Outcome(debit: recorded, repeated: false)
        }
    }

    /// Gives a debit's points back with their original expiry; a debit compensated before is
    /// answered as it stands.
    func compensate(_ debitId: String, by actor: String) throws -> Outcome {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            guard let record = try PointDebitRepository.find(debitId, in: connection) else {
                throw PointDebitRefusal.notFound(debitId)
            }
            guard record.debit.compensatedAt == nil else { return Outcome(debit: record.debit, repeated: true) }
            let entry = try Ledger(connection: connection, now: now, expiryMonths: nil).restore(
                consumedBy: record.historyId, customerId: record.debit.customerId, kind: .debitReturned,
                cause: HistoryCause(debitId: debitId, actor: actor, reason: record.debit.reason)
            )
            try PointDebitRepository.markCompensated(debitId, historyId: entry.id, at: now, in: connection)
            var debit = record.debit
            debit.compensatedAt = now
            return Outcome(debit: debit, repeated: false)
        }
    }

    /// The debit recorded under `debitId`.
    func debit(_ debitId: String) throws -> PointDebit {
        guard let record = try dependencies.database.read({ try PointDebitRepository.find(debitId, in: $0) }) else {
            throw PointDebitRefusal.notFound(debitId)
        }
        return record.debit
    }

    /// What makes a debit request unusable, naming its fields.
    static func problems(of request: PointDebitRequest) -> [ValidationProblem] {
        var problems = [
            InputRules.identifierProblem(request.debitId, field: "debitId", kind: ReferenceIdKind.self),
            InputRules.identifierProblem(request.customerId, field: "customerId", kind: CustomerIdKind.self),
            InputRules.textProblem(request.reason, field: "reason", limit: InputRules.maximumReasonLength),
        ].compactMap { $0 }
        if request.points <= 0 { problems.append(.init(field: "points", message: "Must be greater than 0.")) }
        return problems
    }
}
