import Contract
import FoundationEssentials
import Glibc
import Store

/// A customer's figures: spendable points, pending points and coefficient.
struct AccountFigures: Sendable, Hashable {
    var customerId: String
    var points: Int64
    var pendingPoints: Int64
    var coefficient: Coefficient
}

/// What a deduction took.
struct DebitOutcome {
    var entry: HistoryEntry
    /// Points actually deducted (less than asked only with `.deductWhatIsThere`).
    var deducted: Int64
}

/// Every movement of a customer's points, inside the caller's write transaction. Each method
/// updates the account, keeps the lots in step and writes exactly one history row per change,
/// so that for every customer `accounts.points == Σ lots.remaining == Σ history.points`.
///
/// Credits are lots that expire `expiryMonths` after they are credited; deductions consume the
/// lots that expire soonest first (then the oldest), and record what they took so a return can
/// give points back with their original expiry. Before anything changes, the customer's lots
/// that are past their expiry are expired, so expired points are never spent.
struct Ledger {
    let connection: Connection
    let now: Date
    /// Months after which new credits expire (the program's setting); nil for never.
    let expiryMonths: Int?

    /// What to do when a deduction is larger than the balance.
    enum Shortfall {
        /// Refuse with `InsufficientPoints` (spending, adjustments).
        case refuse
        /// Deduct what is there and explain the rest in the reason (cancellations, refunds).
        case deductWhatIsThere
    }

    // MARK: - Accounts

    /// The customer's figures, zeros for an unknown customer (nothing is written).
    func figures(_ customerId: String) throws -> AccountFigures {
        try Self.figures(customerId, in: connection)
    }

    /// The customer's figures read with any connection, zeros for an unknown customer.
    static func figures(_ customerId: String, in connection: Connection) throws -> AccountFigures {
        guard
            let row = try connection.queryOne(
                "SELECT points, pending_points, coefficient FROM accounts WHERE customer_id = ?", customerId
            )
        else {
            return AccountFigures(customerId: customerId, points: 0, pendingPoints: 0, coefficient: .one)
        }
        return AccountFigures(
            customerId: customerId, points: try row.get("points"), pendingPoints: try row.get("pending_points"),
            coefficient: Coefficient(tenThousandths: try row.get("coefficient")) ?? .one
        )
    }

    /// Creates the account when missing, expires its due lots, and returns its figures.
    @discardableResult
    func open(_ customerId: String) throws -> AccountFigures {
        try connection.run(
            "INSERT INTO accounts (customer_id, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(customer_id) DO NOTHING",
            customerId, now, now
        )
        try expireDue(customerId)
        return try figures(customerId)
    }

    /// Sets the customer's coefficient (creating the account when missing).
    func setCoefficient(_ customerId: String, _ coefficient: Coefficient) throws {
        try open(customerId)
        try connection.run(
            "UPDATE accounts SET coefficient = ?, updated_at = ? WHERE customer_id = ?",
            coefficient.tenThousandths, now, customerId
        )
    }

    // MARK: - Movements

    /// Credits `points` (> 0) as a new lot; `pendingDelta` moves pending points in the same entry
    /// (−points when pending points become spendable).
    @discardableResult
    func credit(
        _ customerId: String, points: Int64, kind: HistoryKind, cause: HistoryCause, pendingDelta: Int64 = 0
    ) throws -> HistoryEntry {
        guard points > 0 else { throw LedgerMisuse(operation: "credit", points: points) }
        let account = try open(customerId)
        let expiresAt = PointsExpiry.expiresAt(creditedAt: now, months: expiryMonths)
        let entry = try apply(
            account, points: points, pending: pendingDelta, kind: kind, cause: cause, expiresAt: expiresAt)
        try connection.run(
            "INSERT INTO lots (customer_id, history_id, points, remaining, credited_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            customerId, entry.id, points, points, now, expiresAt
        )
        return entry
    }

    /// Deducts `points` (> 0), consuming the soonest-expiring lots first.
    func debit(
        _ customerId: String, points: Int64, kind: HistoryKind, cause: HistoryCause, shortfall: Shortfall
    ) throws -> DebitOutcome {
        guard points > 0 else { throw LedgerMisuse(operation: "debit", points: points) }
        let account = try open(customerId)
        if points > account.points, shortfall == .refuse {
            throw InsufficientPoints(balance: account.points, requested: points)
        }
        let amount = min(points, account.points)
        var cause = cause
        if amount < points {
            let note =
                "Only \(amount) of \(points) points could be deducted: the balance was too low (\(points - amount) not recovered)."
            cause.reason = [cause.reason, note].compactMap { $0 }.joined(separator: " ")
        }
        let taken = try consume(customerId, amount)
        let entry = try apply(account, points: -amount, pending: 0, kind: kind, cause: cause, expiresAt: nil)
        for (lot, part) in taken {
            try connection.run(
                "INSERT INTO lot_consumptions (history_id, lot_id, points) VALUES (?, ?, ?)", entry.id, lot, part)
        }
        return DebitOutcome(entry: entry, deducted: amount)
    }

    /// Moves pending points only (an order's points that are not spendable yet, or dropped).
    @discardableResult
    func changePending(_ customerId: String, by delta: Int64, kind: HistoryKind, cause: HistoryCause) throws
        -> HistoryEntry
    {
        let account = try open(customerId)
        return try apply(account, points: 0, pending: delta, kind: kind, cause: cause, expiresAt: nil)
    }

    /// Writes an entry that moves no points (the admin's acceptance of an exchange).
    @discardableResult
    func note(_ customerId: String, kind: HistoryKind, cause: HistoryCause) throws -> HistoryEntry {
        let account = try open(customerId)
        return try apply(account, points: 0, pending: 0, kind: kind, cause: cause, expiresAt: nil)
    }

    /// Gives back everything the entry `historyId` deducted, as new lots keeping the expiry of
    /// the lots it came from; points whose expiry has passed meanwhile expire at once.
    @discardableResult
    func restore(consumedBy historyId: Int64, customerId: String, kind: HistoryKind, cause: HistoryCause) throws
        -> HistoryEntry
    {
        let parts = try connection.query(
            """
            SELECT c.points, l.expires_at FROM lot_consumptions c JOIN lots l ON l.id = c.lot_id
            WHERE c.history_id = ? ORDER BY l.id
            """, historyId
        ).map { (points: try $0.get("points", as: Int64.self), expiresAt: try $0.get("expires_at", as: Date?.self)) }
        let total = try parts.reduce(Int64(0)) { sum, part in try Self.add(sum, part.points) }
        let account = try open(customerId)
        let expiries = Set(parts.map(\.expiresAt))
        let entry = try apply(
            account, points: total, pending: 0, kind: kind, cause: cause,
            expiresAt: expiries.count == 1 ? expiries.first ?? nil : nil
        )
        for part in parts {
            try connection.run(
                "INSERT INTO lots (customer_id, history_id, points, remaining, credited_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                customerId, entry.id, part.points, part.points, now, part.expiresAt
            )
        }
        try expireDue(customerId)
        return entry
    }

    // MARK: - Expiry

    /// Expires the customer's lots whose expiry has come: one `expired` entry per lot with its
    /// unspent remainder. Returns how many lots expired.
    @discardableResult
    func expireDue(_ customerId: String) throws -> Int {
        let due = try connection.query(
            """
            SELECT id, remaining, credited_at, expires_at FROM lots
            WHERE customer_id = ? AND remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ?
            ORDER BY expires_at, id
            """, customerId, now
        )
        guard !due.isEmpty else { return 0 }
        var account = try figures(customerId)
        for lot in due {
            let remaining: Int64 = try lot.get("remaining")
            let creditedAt: Date = try lot.get("credited_at")
            let expiresAt: Date = try lot.get("expires_at")
            try connection.run(
                "UPDATE lots SET remaining = 0, expired_at = ? WHERE id = ?", now, try lot.get("id", as: Int64.self))
            let reason =
                "\(remaining) points credited on \(PointsExpiry.day(creditedAt)) expired on \(PointsExpiry.day(expiresAt))."
            let entry = try apply(
                account, points: -remaining, pending: 0, kind: .expired, cause: HistoryCause(reason: reason),
                expiresAt: expiresAt
            )
            account.points = entry.balanceAfter
        }
        return due.count
    }

    /// Customers with lots past their expiry, at most `limit` of them.
    static func customersWithDueLots(in connection: Connection, now: Date, limit: Int) throws -> [String] {
        try connection.query(
            """
            SELECT DISTINCT customer_id FROM lots
            WHERE remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ? LIMIT ?
            """, now, limit
        ).map { try $0.get("customer_id") }
    }

    /// Whether the customer has lots past their expiry (read-only check before a read).
    static func hasDueLots(_ customerId: String, in connection: Connection, now: Date) throws -> Bool {
        try connection.queryOne(
            "SELECT 1 FROM lots WHERE customer_id = ? AND remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ? LIMIT 1",
            customerId, now
        ) != nil
    }

    // MARK: - Internals

    /// Takes `amount` from the open lots, soonest expiry first (lots that never expire last),
    /// then oldest; returns (lot id, points taken) pairs.
    private func consume(_ customerId: String, _ amount: Int64) throws -> [(Int64, Int64)] {
        var left = amount
        var taken: [(Int64, Int64)] = []
        while left > 0 {
            // Read a batch, then update: changing rows under a running SELECT on the same
            // connection is allowed but what the SELECT then sees is undefined
            // (https://www.sqlite.org/isolation.html).
            let lots = try connection.query(
                """
                SELECT id, remaining FROM lots WHERE customer_id = ? AND remaining > 0
                ORDER BY expires_at IS NULL, expires_at, id LIMIT 64
                """, customerId
            )
            guard !lots.isEmpty else {
                throw LedgerInconsistency(customerId: customerId, missing: left)
            }
            for lot in lots where left > 0 {
                let id: Int64 = try lot.get("id")
                let part = min(left, try lot.get("remaining", as: Int64.self))
                try connection.run("UPDATE lots SET remaining = remaining - ? WHERE id = ?", part, id)
                taken.append((id, part))
                left -= part
            }
        }
        return taken
    }

    /// Updates the account by the given changes and writes the history row.
    private func apply(
        _ account: AccountFigures, points: Int64, pending: Int64, kind: HistoryKind, cause: HistoryCause,
        expiresAt: Date?
    ) throws -> HistoryEntry {
        let balance = try Self.add(account.points, points)
        let pendingAfter = try Self.add(account.pendingPoints, pending)
        try connection.run(
            "UPDATE accounts SET points = ?, pending_points = ?, updated_at = ? WHERE customer_id = ?",
            balance, pendingAfter, now, account.customerId
        )
        try connection.run(
            """
            INSERT INTO history (customer_id, kind, points, pending_points, balance_after, pending_after, created_at,
                expires_at, rule_id, rule_name, order_number, review_id, exchange_order_id, debit_id, actor, reason,
                public_note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            account.customerId, kind.rawValue, points, pending, balance, pendingAfter, now, expiresAt,
            cause.rule?.id, cause.rule?.name, cause.orderNumber, cause.reviewId, cause.exchangeOrderId, cause.debitId,
            cause.actor, cause.reason, cause.publicNote
        )
        return HistoryEntry(
            id: connection.lastInsertRowID, customerId: account.customerId, kind: kind, points: points,
            pendingPoints: pending, balanceAfter: balance, pendingAfter: pendingAfter, createdAt: now,
            expiresAt: expiresAt, cause: cause
        )
    }

    /// Checked addition: a balance past `Int64.max` is refused, not wrapped.
    static func add(_ lhs: Int64, _ rhs: Int64) throws(PointsError) -> Int64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow { throw .balanceOutOfRange }
        return sum
    }
}

/// A credit or debit of zero or fewer points: callers validate amounts first, so this is a bug,
/// reported as a 500 and rolled back rather than turned into a debit by its sign.
struct LedgerMisuse: Error, CustomStringConvertible {
    let operation: String
    let points: Int64
    var description: String { "ledger \(operation) of \(points) points; amounts must be positive" }
}

/// The lots do not cover the balance: a bug, reported as a 500 and rolled back.
struct LedgerInconsistency: Error, CustomStringConvertible {
    let customerId: String
    let missing: Int64
    var description: String { "lots of \(customerId) are \(missing) points short of the balance" }
}
