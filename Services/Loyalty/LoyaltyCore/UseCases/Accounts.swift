import Contract
import FoundationEssentials
import Glibc
import Store

/// A customer's account as callers read it: balance, points expiring, history and statement,
/// and the coefficient the admin sets. Every read first expires the customer's lots whose
/// expiry has passed, so a balance or history never shows points that are no longer there.
struct Accounts: Sendable {
    let dependencies: LoyaltyDependencies

    /// The balance; an unknown customer has zeros (nothing is written for them).
    func summary(_ customerId: String) throws -> CustomerPoints {
        // One read answers the common case; only a customer with overdue points costs a write.
        let now = dependencies.now()
        let (summary, overdue) = try dependencies.database.read { connection in
            (
                try AccountRepository.summary(customerId, in: connection),
                try Ledger.hasDueLots(customerId, in: connection, now: now)
            )
        }
        guard overdue else { return summary }
        try expireDue(customerId)
        return try dependencies.database.read { try AccountRepository.summary(customerId, in: $0) }
    }

    /// The points that will expire, summed per day.
    func expiring(_ customerId: String) throws -> ExpiringPointsByDate {
        try expireDue(customerId)
        return try dependencies.database.read { try AccountRepository.expiringByDay(customerId, in: $0) }
    }

    /// Sets the coefficient that multiplies the customer's future awards; answers the balance.
    func setCoefficient(_ customerId: String, _ coefficient: Coefficient) throws -> CustomerPoints {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            try Ledger(connection: connection, now: now, expiryMonths: nil).setCoefficient(customerId, coefficient)
            return try AccountRepository.summary(customerId, in: connection)
        }
    }

    /// At most `limit` history entries older than the entry `beforeId`, newest first.
    func history(_ customerId: String, beforeId: Int64?, limit: Int) throws -> [HistoryEntry] {
        try expireDue(customerId)
        return try dependencies.database.read { connection in
            try HistoryRepository.page(customerId, beforeId: beforeId, limit: limit, in: connection)
        }
    }

    /// Every history entry, oldest first, for a statement.
    func forEachEntry(_ customerId: String, _ body: (HistoryEntry) throws -> Void) throws {
        try expireDue(customerId)
        try dependencies.database.read { connection in try HistoryRepository.forEach(customerId, in: connection, body) }
    }

    /// Expires the customer's due lots. Costs one indexed lookup when nothing is due.
    private func expireDue(_ customerId: String) throws {
        let now = dependencies.now()
        let database = dependencies.database
        guard try database.read({ try Ledger.hasDueLots(customerId, in: $0, now: now) }) else { return }
        try database.write { connection in
            _ = try Ledger(connection: connection, now: now, expiryMonths: nil).expireDue(customerId)
        }
    }
}
