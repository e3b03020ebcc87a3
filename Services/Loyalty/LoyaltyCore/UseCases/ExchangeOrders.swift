import Contract
import FoundationEssentials
import Glibc
import ServiceKit
import Store

/// Exchange orders: points for products. Placing one prices it from the catalogue, checks and
/// deducts the points and tells the admin, all in one transaction, so points can never be spent
/// twice however many orders race. The admin marks them exchanged (the customer then sees
/// "exchanged" with a note; nothing is sent) or rejects them (points return).
///
/// `place` and `reject` run in the write transaction their route opens (`RouteWrite`), so an `Idempotency-Key`
/// answer is stored in the same transaction as the change; `markExchanged` opens its own.
struct ExchangeOrders: Sendable {
    let dependencies: LoyaltyDependencies

    /// Places `order` (its shape checked by `ExchangePricing.problems(of:)`) for `customerId`: 422
    /// naming each product that cannot be exchanged, 409 `insufficient_points` when the balance is short.
    func place(
        _ order: ExchangeOrderRequest, for customerId: String, by actor: String, in connection: Connection
    ) throws -> ExchangeOrderRecord {
        let now = dependencies.now()
        let program = try ProgramRepository.load(connection)
        let rewards = try RewardRepository.find(order.items.map(\.productId), in: connection)
        let priced = try ExchangePricing.price(order, rewards: rewards, program: program)
        let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
        // The debit below refuses a short balance (409 insufficient_points); the transaction then
        // takes the order row back with it.
        let id = try ExchangeOrderRepository.insert(
            customerId: customerId, items: priced.items, points: priced.total, placedBy: actor, at: now,
            in: connection
        )
        let debit = try ledger.debit(
            customerId, points: priced.total, kind: .exchange,
            cause: HistoryCause(exchangeOrderId: id, actor: actor), shortfall: .refuse
        )
        try ExchangeOrderRepository.setHistory(id, historyId: debit.entry.id, in: connection)
        let record = try find(id, in: connection)
        try notifyAdmin(record, in: connection)
        return record
    }

    /// Once a placing has committed: wakes the outbox, so the shop owner's notice goes out now
    /// rather than at its next poll.
    func sendNotices() {
        dependencies.outbox.wake()
    }

    /// Sets "Exchanged: YES/NO" and notes it in the history. Sends nothing; a rejected order
    /// cannot be marked.
    func markExchanged(_ id: Int64, _ exchanged: Bool, by actor: String) throws -> ExchangeOrderRecord {
        let now = dependencies.now()
        return try dependencies.database.write { connection in
            let record = try find(id, in: connection)
            guard try ExchangeOrderTransition.mark(record, exchanged: exchanged) else { return record }
            try ExchangeOrderRepository.setExchanged(id, exchanged, by: actor, at: now, in: connection)
            try Ledger(connection: connection, now: now, expiryMonths: nil).note(
                record.customerId, kind: exchanged ? .exchangeAccepted : .exchangeAcceptanceWithdrawn,
                cause: HistoryCause(exchangeOrderId: id, actor: actor)
            )
            return try ExchangeOrderRepository.find(id, in: connection) ?? record
        }
    }

    /// Rejects the order and gives its points back with their original expiry. Rejecting twice,
    /// or rejecting an order marked exchanged, is refused.
    func reject(_ id: Int64, reason: String?, by actor: String, in connection: Connection) throws
        -> ExchangeOrderRecord
    {
        let now = dependencies.now()
        let record = try find(id, in: connection)
        try ExchangeOrderTransition.reject(record)
        guard let historyId = record.historyId else {
            throw LedgerInconsistency(customerId: record.customerId, missing: record.points)
        }
        try Ledger(connection: connection, now: now, expiryMonths: nil).restore(
            consumedBy: historyId, customerId: record.customerId, kind: .exchangeReturned,
            cause: HistoryCause(exchangeOrderId: id, actor: actor, reason: reason)
        )
        try ExchangeOrderRepository.reject(id, reason: reason, by: actor, at: now, in: connection)
        return try find(id, in: connection)
    }

    /// The order with `id` as `principal` may see it: the admin and the storefront see any, a
    /// customer only their own (another's is unknown to them, so ids reveal nothing).
    func order(_ id: Int64, visibleTo principal: Principal) throws -> ExchangeOrderRecord {
        guard let record = try dependencies.database.read({ try ExchangeOrderRepository.find(id, in: $0) }),
            // An id stored before the identifier rule matches no customer token; staff still see it.
            CustomerId(record.customerId).map(principal.mayActFor) ?? (principal.role != .customer)
        else { throw ExchangeOrderRefusal.notFound(id) }
        return record
    }

    /// At most `limit` orders `filter` selects, newest first, older than the order `beforeId`.
    func page(_ filter: ExchangeOrderRepository.Filter, beforeId: Int64?, limit: Int) throws
        -> [ExchangeOrderRecord]
    {
        try dependencies.database.read { connection in
            try ExchangeOrderRepository.list(filter, beforeId: beforeId, limit: limit, in: connection)
        }
    }

    // MARK: - Helpers

    private func find(_ id: Int64, in connection: Connection) throws -> ExchangeOrderRecord {
        guard let record = try ExchangeOrderRepository.find(id, in: connection) else {
            throw ExchangeOrderRefusal.notFound(id)
        }
        return record
    }

    /// Queues the shop owner's notice in the same transaction; skipped when no admin address is configured.
    private func notifyAdmin(_ record: ExchangeOrderRecord, in connection: Connection) throws {
        guard let adminEmail = dependencies.adminEmail else { return }
        var lines = [
            "Customer \(record.customerId) placed exchange order #\(record.id) for \(record.points) points:",
            "",
        ]
        for item in record.items {
            lines.append(
                "  \(item.quantity) × \(item.name) (\(item.productId)): \(item.unitPoints) points each, \(item.points) in total"
            )
        }
        lines += [
            "",
            "Placed at \(RFC3339.format(record.createdAt)). The points have been deducted.",
            "Mark it exchanged or reject it in the loyalty section of the back office.",
            "It is not a sales order: no pro-forma or VAT invoice is issued.",
        ]
        try dependencies.mailer.enqueue(
            MailMessage(
                to: [adminEmail], subject: "New exchange order #\(record.id) (\(record.points) points)",
                textBody: lines.joined(separator: "\n")
            ),
            in: connection, eventId: "loyalty-exchange-order-\(record.id)"
        )
    }
}
