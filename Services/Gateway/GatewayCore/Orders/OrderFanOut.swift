import Contract
import FoundationEssentials
import Glibc
import HTTP
import Primitives
import ServiceKit
import Store

/// Accepts order versions and hands each receiver its part through the outbox.
///
/// In one write transaction: the version is recorded in `orders` and one outbox event per
/// receiver is written, so either all of them exist or none. A document identical to the last
/// one (same SHA-256 of its canonical JSON) changes nothing: the PUT is idempotent. Each receiver
/// has its own ordering key per order, so its events arrive in sequence order while a receiver
/// that is down holds back only its own events, not the other receivers'.
public struct OrderFanOut: Sendable {
    let database: Database
    let outbox: Outbox
    /// Who receives order changes (`OrderReceivers.all` in production).
    public let receivers: [OrderReceiver]
    /// Dates each accepted version of an order.
    let clock: WallClock

    /// Creates the fan-out over the gateway's database and outbox.
    public init(
        database: Database, outbox: Outbox, receivers: [OrderReceiver], clock: WallClock = .system
    ) {
        self.database = database
        self.outbox = outbox
        self.receivers = receivers
        self.clock = clock
    }

    /// The outbox ordering key of one receiver's events for one order.
    public static func orderingKey(orderNumber: String, receiver: String) -> String {
        "order:\(orderNumber):\(receiver)"
    }

    /// The event id of one receiver's event for one version: its dedup key.
    public static func eventId(receiver: String, orderNumber: String, sequence: Int64) -> String {
        "\(receiver):\(orderNumber):\(sequence)"
    }

    /// Stores `order` as the next version of `orderNumber` (unless it repeats the last one),
    /// queues its deliveries, and wakes the dispatcher. Validate the order first. A version for
    /// another customer or in another currency than the order's first is refused
    /// (`OrderOwnerChanged`, 409): re-reporting an order number must never move its points.
    public func accept(orderNumber number: OrderNumber, order: OrderDocument) throws -> OrderAcceptance {
        let orderNumber = number.text
        let hash = SHA256.hash(try JSONCoding.encode(order)).hexDigits
        let acceptedAt = clock.date()
        let millis = Int64(acceptedAt.timeIntervalSince1970 * 1000)
        let (sequence, changed) = try database.write { connection -> (Int64, Bool) in
            let last = try OrderVersionRepository.last(orderNumber, in: connection)
            if let last {
                try OrderOwnerChanged.check(
                    orderNumber: number, storedCustomer: last.customerId, storedCurrency: last.currency, order: order)
                if last.documentHash == hash { return (last.sequence, false) }
            }
            let (sequence, overflow) = (last?.sequence ?? 0).addingReportingOverflow(1)
            guard !overflow else { throw HTTPError.conflict("This order has too many versions.") }
            try OrderVersionRepository.save(
                orderNumber, sequence: sequence, documentHash: hash, customerId: order.customerId?.text ?? "",
                currency: order.currency, at: millis, in: connection)
            for receiver in receivers {
                let eventId = Self.eventId(receiver: receiver.name, orderNumber: orderNumber, sequence: sequence)
                let change = OrderReceiver.Change(
                    orderNumber: number, sequence: sequence, eventId: eventId, order: order)
                try Outbox.enqueue(
                    Outbox.Event(
                        destination: receiver.service, method: receiver.method, path: receiver.path(orderNumber),
                        payload: try receiver.payload(change), eventId: eventId,
                        orderingKey: Self.orderingKey(orderNumber: orderNumber, receiver: receiver.name)
                    ),
                    in: connection, now: acceptedAt
                )
                try OrderVersionRepository.recordEvent(eventId, sequence: sequence, in: connection)
            }
            return (sequence, true)
        }
        if changed { outbox.wake() }
        let deliveries = try receivers.flatMap { try events(of: $0, orderNumber: orderNumber) }.filter {
            $0.sequence == sequence
        }
        return OrderAcceptance(orderNumber: orderNumber, sequence: sequence, changed: changed, deliveries: deliveries)
    }

    /// Per receiver, what was delivered and what waits; nil for an order never reported.
    public func deliveries(orderNumber: String) throws -> OrderDeliveries? {
        guard let stored = try database.read({ try OrderVersionRepository.last(orderNumber, in: $0) }) else {
            return nil
        }
        let receiversView = try receivers.map { receiver in
            let events = try events(of: receiver, orderNumber: orderNumber)
            return OrderDeliveries.Receiver(
                receiver: receiver.name, service: receiver.service,
                deliveredSequence: events.filter { $0.state == "delivered" }.map(\.sequence).max(),
                delivered: events.count(where: { $0.state == "delivered" }),
                pending: events.count(where: { $0.state == "pending" }),
                failed: events.count(where: { $0.state == "failed" }),
                events: events
            )
        }
        return OrderDeliveries(
            orderNumber: orderNumber, sequence: stored.sequence, updatedAt: stored.updatedAt,
            receivers: receiversView
        )
    }

    private func events(of receiver: OrderReceiver, orderNumber: String) throws -> [OrderDelivery] {
        let queued = try outbox.deliveries(
            orderingKey: Self.orderingKey(orderNumber: orderNumber, receiver: receiver.name))
        // Read after the events: each event's sequence is written in the transaction that queued it.
        let sequences = try database.read { try OrderVersionRepository.sequences(of: queued.map(\.eventId), in: $0) }
        return queued.map { event in
            OrderDelivery(
                receiver: receiver.name, service: event.destination, eventId: event.eventId,
                sequence: sequences[event.eventId] ?? 0,
                state: event.state, attempts: event.attempts, createdAt: event.createdAt,
                deliveredAt: event.deliveredAt, nextAttemptAt: event.nextAttemptAt, lastError: event.lastError
            )
        }
    }
}
