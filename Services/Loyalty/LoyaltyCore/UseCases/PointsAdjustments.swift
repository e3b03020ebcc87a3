import Contract
import FoundationEssentials
import Glibc
import Store

/// The admin's manual adjustments: one customer's points added or subtracted by hand, or many
/// customers' from one CSV file, all or nothing. Both run in the write transaction their route
/// opens, so an `Idempotency-Key` answer is stored with the change. Never below zero: a
/// subtraction larger than the balance is refused (`InsufficientPoints`); the customer is not
/// notified.
struct PointsAdjustments: Sendable {
    let dependencies: LoyaltyDependencies

    /// Adds (`points` > 0) or subtracts (`points` < 0) one customer's points; the adjustment's
    /// shape is checked by the route (`PointsAdjustmentRequest.problems`).
    func adjust(
        _ adjustment: PointsAdjustmentRequest, for customerId: String, by actor: String, in connection: Connection
    ) throws -> PointsAdjustmentResult {
        let ledger = try ledger(in: connection)
        let cause = HistoryCause(actor: actor, reason: adjustment.reason, publicNote: adjustment.publicNote)
        let entry: HistoryEntry
        if adjustment.points > 0 {
            entry = try ledger.credit(customerId, points: adjustment.points, kind: .adjustment, cause: cause)
        } else {
            entry = try ledger.debit(
                customerId, points: -adjustment.points, kind: .adjustment, cause: cause, shortfall: .refuse
            ).entry
        }
        return PointsAdjustmentResult(
            customerId: customerId, points: entry.balanceAfter, pendingPoints: entry.pendingAfter, entry: entry)
    }

    /// Applies every row of a bulk file in order; a subtraction the balance (after the file's
    /// earlier rows) cannot cover refuses the whole file, naming its row.
    func apply(_ rows: [BulkAdjustmentRow], by actor: String, in connection: Connection) throws
        -> BulkAdjustmentResult
    {
        let ledger = try ledger(in: connection)
        var added: Int64 = 0
        var removed: Int64 = 0
        var customers = Set<String>()
        for row in rows {
            let cause = HistoryCause(actor: actor, reason: row.reason)
            customers.insert(row.customerId)
            if row.points > 0 {
                try ledger.credit(row.customerId, points: row.points, kind: .adjustment, cause: cause)
                added = try Ledger.add(added, row.points)
            } else {
                do {
                    _ = try ledger.debit(
                        row.customerId, points: -row.points, kind: .adjustment, cause: cause, shortfall: .refuse)
                } catch var shortfall as InsufficientPoints {
                    shortfall.row = row.row
                    shortfall.customerId = row.customerId
                    throw shortfall
                }
                removed = try Ledger.add(removed, -row.points)
            }
        }
        return BulkAdjustmentResult(
            rows: rows.count, customers: customers.count, pointsAdded: added, pointsRemoved: removed)
    }

    /// What makes a manual adjustment unusable, naming its fields: no points, or a reason or
    /// public note that is blank or too long.
    static func problems(of adjustment: PointsAdjustmentRequest) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if adjustment.points == 0 || adjustment.points == .min {
            // Int64.min has no positive counterpart to subtract, so the range is symmetric.
            problems.append(
                .init(
                    field: "points",
                    message:
                        "Must be a whole number from -\(Int64.max) to \(Int64.max) other than 0 (negative subtracts)."
                ))
        }
        if let problem = InputRules.textProblem(
            adjustment.reason, field: "reason", limit: InputRules.maximumReasonLength)
        {
            problems.append(problem)
        }
        if let note = adjustment.publicNote,
            let problem = InputRules.textProblem(note, field: "publicNote", limit: InputRules.maximumReasonLength)
        {
            problems.append(problem)
        }
        return problems
    }

    /// The ledger at the service's time, crediting lots that expire as the program says.
    private func ledger(in connection: Connection) throws -> Ledger {
        let program = try ProgramRepository.load(connection)
        return Ledger(connection: connection, now: dependencies.now(), expiryMonths: program.expiryMonths)
    }
}
