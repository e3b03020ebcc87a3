import Contract
import FoundationEssentials
import Glibc
import HTTP
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
    let now: @Sendable () -> Date

    /// Creates the fan-out over the gateway's database and outbox.
    public init(
        database: Database, outbox: Outbox, receivers: [OrderReceiver], now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.outbox = outbox
        self.receivers = receivers
        self.now = now
    }

    /// The table of accepted versions.
    static let migrations: [Migration] = [
        Migration(
            "gateway-001-orders",
            """
            CREATE TABLE orders (
                order_number TEXT PRIMARY KEY,
                sequence INTEGER NOT NULL,
                last_document_hash TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        // Who the order belongs to and its currency, fixed by its first version: '' is a guest's
        // order, NULL an order accepted before they were kept (its next version records them).
        Migration(
            "gateway-002-order-owner",
            """
            ALTER TABLE orders ADD COLUMN customer_id TEXT;
            ALTER TABLE orders ADD COLUMN currency TEXT;
            """),
    ]

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
        let hash = Self.hex(SHA256.hash(try JSONCoding.encode(order)))
        let acceptedAt = now()
        let millis = Int64(acceptedAt.timeIntervalSince1970 * 1000)
        let (sequence, changed) = try database.write { connection -> (Int64, Bool) in
            let last = try connection.queryOne(
                "SELECT sequence, last_document_hash, customer_id, currency FROM orders WHERE order_number = ?",
                orderNumber
            )
            if let last {
                try OrderOwnerChanged.check(
                    orderNumber: number, storedCustomer: try last.get("customer_id", as: String?.self),
                    storedCurrency: try last.get("currency", as: String?.self), order: order)
            }
            if let last, try last.get("last_document_hash", as: String.self) == hash {
                return (try last.get("sequence", as: Int64.self), false)
            }
            let previous = try last?.get("sequence", as: Int64.self) ?? 0
            let (sequence, overflow) = previous.addingReportingOverflow(1)
            guard !overflow else { throw HTTPError.conflict("This order has too many versions.") }
            try connection.run(
                """
                INSERT INTO orders (order_number, sequence, last_document_hash, updated_at, customer_id, currency)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(order_number) DO UPDATE SET
                    sequence = excluded.sequence, last_document_hash = excluded.last_document_hash,
                    updated_at = excluded.updated_at, customer_id = excluded.customer_id, currency = excluded.currency
                """,
                orderNumber, sequence, hash, millis, order.customerId?.text ?? "", order.currency
            )
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
        let stored = try database.read { connection in
            try connection.queryOne("SELECT sequence, updated_at FROM orders WHERE order_number = ?", orderNumber)
        }
        guard let stored else { return nil }
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
            orderNumber: orderNumber, sequence: try stored.get("sequence", as: Int64.self),
            updatedAt: Date(timeIntervalSince1970: Double(try stored.get("updated_at", as: Int64.self)) / 1000),
            receivers: receiversView
        )
    }

    private func events(of receiver: OrderReceiver, orderNumber: String) throws -> [OrderDelivery] {
        try outbox.deliveries(orderingKey: Self.orderingKey(orderNumber: orderNumber, receiver: receiver.name)).map {
            event in
            OrderDelivery(
                receiver: receiver.name, service: event.destination, eventId: event.eventId,
                sequence: event.eventId.split(separator: ":").last.flatMap { Int64($0) } ?? 0,
                state: event.state, attempts: event.attempts, createdAt: event.createdAt,
                deliveredAt: event.deliveredAt, nextAttemptAt: event.nextAttemptAt, lastError: event.lastError
            )
        }
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}
