import Contract
import FoundationEssentials
import Glibc
import ServiceKit
import Store

/// Applies one order event inside a write transaction.
///
/// - Each event id is applied once (`Inbox`), and an event whose sequence is not newer than the
///   last applied for its order changes nothing, so redelivery and reordering are harmless.
/// - The awards are decided once, when the order is first seen, with the program, rules and
///   coefficient of that moment, and stored per (order, rule) as pending, credited or cancelled,
///   with the points reversed so far. Every later event only moves these awards forward.
/// - An award credits when the order reaches its status or a later one (created < paid <
///   fulfilled); the furthest status reached is kept, so going back and forth never credits twice.
/// - Cancellation drops pending awards and, when the program says so, takes back the credited
///   ones; a refund drops pending awards and takes back credited points in proportion to the
///   refunded share, computed on the cumulative refund. After either, nothing more is credited.
///   A deduction never takes the balance below zero: the shortfall is written in the history.
struct OrderEventProcessor {
    let connection: Connection
    let now: Date

    /// Applies `event` in a write transaction of its own and answers the order's state.
    static func apply(_ event: OrderEvent, to database: Database, at now: Date) throws -> OrderPoints {
        try database.write { try OrderEventProcessor(connection: $0, now: now).apply(event) }
    }

    /// The state of the order `orderNumber`, or nil when loyalty has not seen it.
    static func points(of orderNumber: String, in database: Database) throws -> OrderPoints? {
        try database.read { connection in
            guard let order = try OrderRepository.find(orderNumber, in: connection) else { return nil }
            return try summary(order, outcome: nil, in: connection)
        }
    }

    /// Applies `event` and answers the order's state.
    func apply(_ event: OrderEvent) throws -> OrderPoints {
        guard try Inbox.firstDelivery(of: event.eventId, in: connection, now: now) else {
            return try summary(event, outcome: .duplicate)
        }
        let program = try ProgramRepository.load(connection)
        let ledger = Ledger(connection: connection, now: now, expiryMonths: program.expiryMonths)
        if var order = try OrderRepository.find(event.orderNumber.text, in: connection) {
            guard event.sequence > order.lastSequence else { return try summary(event, outcome: .stale) }
            try OrderOwnerConflict.check(order, against: event)
            order.update(from: event)
            try advance(&order, program: program, ledger: ledger, firstSight: false)
            try OrderRepository.update(order, at: now, in: connection)
        } else {
            var order = OrderRecord(firstEvent: event)
            try OrderRepository.insert(order, at: now, in: connection)
            if let customerId = event.customerId, !OrderProgress.isClosing(event.status) {
                try planAwards(for: event, customerId: customerId.text, program: program, ledger: ledger)
            }
            try advance(&order, program: program, ledger: ledger, firstSight: true)
            try OrderRepository.update(order, at: now, in: connection)
        }
        return try summary(event, outcome: .applied)
    }

    /// The order's state as stored (or as the event describes it when it was never stored).
    func summary(_ event: OrderEvent, outcome: OrderEventOutcome?) throws -> OrderPoints {
        guard let order = try OrderRepository.find(event.orderNumber.text, in: connection) else {
            return OrderPoints(
                orderNumber: event.orderNumber.text, customerId: event.customerId?.text, status: event.status,
                lastSequence: event.sequence, outcome: outcome, awards: []
            )
        }
        return try Self.summary(order, outcome: outcome, in: connection)
    }

    /// The stored order's state.
    static func summary(_ order: OrderRecord, outcome: OrderEventOutcome?, in connection: Connection) throws
        -> OrderPoints
    {
        OrderPoints(
            orderNumber: order.orderNumber, customerId: order.customerId, status: order.status,
            lastSequence: order.lastSequence, outcome: outcome,
            awards: try OrderRepository.awards(order.orderNumber, in: connection).map(\.view)
        )
    }

    // MARK: - Steps

    private func planAwards(for event: OrderEvent, customerId: String, program: LoyaltyProgram, ledger: Ledger) throws {
        let coefficient = try ledger.figures(customerId).coefficient
        let rules = try RuleRepository.active([.orderCreated, .orderStatus], in: connection)
        let facts = OrderFacts(
            lines: event.lines, totalNet: event.totalNet, totalGross: event.totalGross, placedAt: event.placedAt)
        for planned in try OrderAwardPlan.plan(
            rules: rules, program: program, order: facts, coefficient: coefficient, at: now)
        {
            try OrderRepository.insert(
                OrderAwardRecord(
                    orderNumber: event.orderNumber.text, rule: planned.rule, customerId: customerId,
                    points: planned.points,
                    trigger: planned.trigger, refundBasis: planned.refundBasis, state: .pending, reversed: 0
                ),
                at: now, in: connection
            )
        }
    }

    /// Moves the order and its awards to the order's reported status.
    private func advance(_ order: inout OrderRecord, program: LoyaltyProgram, ledger: Ledger, firstSight: Bool) throws {
        var awards = try OrderRepository.awards(order.orderNumber, in: connection)
        switch order.status {
        case .created, .paid, .fulfilled:
            guard order.closed == nil, let rank = OrderProgress.rank(order.status) else { return }
            order.reachedRank = max(order.reachedRank, rank)
            for index in awards.indices where awards[index].state == .pending {
                let award = awards[index]
                guard let trigger = OrderProgress.rank(award.trigger), trigger <= order.reachedRank else {
                    if firstSight {
                        try ledger.changePending(award.customerId, by: award.points, kind: .pending, cause: award.cause)
                    }
                    continue
                }
                if firstSight {
                    try ledger.credit(award.customerId, points: award.points, kind: .earned, cause: award.cause)
                } else {
                    try ledger.credit(
                        award.customerId, points: award.points, kind: .pendingCredited, cause: award.cause,
                        pendingDelta: -award.points
                    )
                }
                awards[index].state = .credited
                try OrderRepository.update(awards[index], at: now, in: connection)
            }
        case .cancelled:
            guard order.closed != .cancelled else { return }
            order.closed = .cancelled
            try dropPending(&awards, ledger: ledger, reason: "The order was cancelled.")
            guard program.deductOnCancel else { return }
            for index in awards.indices where awards[index].state == .credited {
                let due = awards[index].points - awards[index].reversed
                try takeBack(
                    &awards[index], due: due, kind: .cancelled, reason: "The order was cancelled.", ledger: ledger)
            }
        case .refunded:
            if order.closed == nil { order.closed = .refunded }
            try dropPending(&awards, ledger: ledger, reason: "The order was refunded.")
            let refund = order.refund
            for index in awards.indices where awards[index].state == .credited {
                let award = awards[index]
                let due = refund.reversalDue(
                    earned: award.points, alreadyReversed: award.reversed, basis: award.refundBasis)
                try takeBack(
                    &awards[index], due: due, kind: .refunded, reason: Self.describe(refund, basis: award.refundBasis),
                    ledger: ledger)
            }
        }
    }

    /// Pending awards become cancelled: their points leave the pending figure.
    private func dropPending(_ awards: inout [OrderAwardRecord], ledger: Ledger, reason: String) throws {
        for index in awards.indices where awards[index].state == .pending {
            var cause = awards[index].cause
            cause.reason = reason
            try ledger.changePending(
                awards[index].customerId, by: -awards[index].points, kind: .pendingCancelled, cause: cause)
            awards[index].state = .cancelled
            try OrderRepository.update(awards[index], at: now, in: connection)
        }
    }

    /// Deducts `due` points of an award (as far as the balance allows) and counts them reversed.
    private func takeBack(
        _ award: inout OrderAwardRecord, due: Int64, kind: HistoryKind, reason: String, ledger: Ledger
    ) throws {
        guard due > 0 else { return }
        var cause = award.cause
        cause.reason = reason
        _ = try ledger.debit(award.customerId, points: due, kind: kind, cause: cause, shortfall: .deductWhatIsThere)
        award.reversed = min(award.points, award.reversed + due)
        try OrderRepository.update(award, at: now, in: connection)
    }

    private static func describe(_ refund: RefundFigures, basis: ValueBasis) -> String {
        guard let share = refund.share(basis: basis) else { return "The order was refunded in full." }
        return "The order was refunded in part: \(share.refunded) of \(share.value) (minor units) so far."
    }
}
