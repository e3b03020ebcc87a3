import Contract
import FoundationEssentials
import Glibc
import HTTP
import Store

/// A transactional outbox: an event is written in the same SQLite transaction as the change it
/// announces, and a dispatcher thread delivers it (over HTTP to another service, or as mail)
/// until it is acknowledged, with exponential backoff. Events with the same ordering key are
/// delivered strictly in the order they were written. Receivers dedupe by event id (`Inbox`).
public final class Outbox: Sendable {
    /// Where the dispatcher sends mail events.
    public static let mailDestination = "mail"
    /// The header carrying an event's id to its receiver.
    public static let eventIdHeader = "X-Zaplecze-Event-Id"

    /// One event to deliver.
    public struct Event: Sendable {
        /// A service name (`loyalty`, …) or `Outbox.mailDestination`.
        public var destination: String
        public var method: HTTPMethod
        public var path: String
        public var payload: [UInt8]
        /// Unique; the receiver's dedup key. Derive it from the cause (e.g. order and version)
        /// so that writing the same event twice is a no-op.
        public var eventId: String
        /// Events sharing a key are delivered in order (e.g. an order number).
        public var orderingKey: String?

        public init(
            destination: String, method: HTTPMethod = .post, path: String, payload: [UInt8], eventId: String,
            orderingKey: String? = nil
        ) {
            self.destination = destination
            self.method = method
            self.path = path
            self.payload = payload
            self.eventId = eventId
            self.orderingKey = orderingKey
        }
    }

    /// What happened to one delivery attempt.
    public enum Outcome: Sendable, Equatable {
        case delivered
        /// Kept without sending (mail with no SMTP server configured).
        case logged
        /// Try again later.
        case retry(String)
        /// The receiver refused it for good (a 4xx): kept as failed for an operator to see.
        case failed(String)
    }

    /// The state of one event, for operators and the gateway's delivery view.
    public struct Delivery: Codable, Sendable, Equatable {
        public var eventId: String
        public var destination: String
        public var state: String
        public var attempts: Int
        public var createdAt: Date
        public var deliveredAt: Date?
        public var nextAttemptAt: Date?
        public var lastError: String?
    }

    let database: Database
    let logger: Logger
    /// Dates attempts and decides when an event is due (the service's clock).
    let clock: WallClock
    private let dispatcher = Locked<OutboxDispatcher?>(nil)

    init(database: Database, logger: Logger, clock: WallClock) {
        self.database = database
        self.logger = logger
        self.clock = clock
    }

    /// Writes `event` inside the caller's write transaction; a second write of the same event id
    /// is ignored; it is due at once, `now` being the service's clock's time. Call `wake()` after
    /// the transaction commits for prompt delivery.
    public static func enqueue(_ event: Event, in connection: Connection, now: Date) throws {
        let millis = Int64(now.timeIntervalSince1970 * 1000)
        try connection.run(
            """
            INSERT INTO outbox (event_id, destination, method, path, payload, ordering_key, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO NOTHING
            """,
            event.eventId, event.destination, event.method.description, event.path, event.payload,
            event.orderingKey, millis, millis
        )
    }

    /// Asks the dispatcher to look for due events now.
    public func wake() {
        dispatcher.withLock { $0 }?.wake()
    }

    /// Events not yet delivered.
    public func pendingCount() -> Int {
        (try? database.read { connection in
            try connection.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'", as: Int.self)
        }).flatMap { $0 } ?? 0
    }

    /// The events written with `orderingKey`, oldest first.
    public func deliveries(orderingKey: String) throws -> [Delivery] {
        try database.read { connection in
            try connection.query(
                """
                SELECT event_id, destination, state, attempts, created_at, delivered_at, next_attempt_at, last_error
                FROM outbox WHERE ordering_key = ? ORDER BY id
                """, orderingKey
            ).map { row in
                let state: String = try row.get("state")
                return Delivery(
                    eventId: try row.get("event_id"), destination: try row.get("destination"), state: state,
                    attempts: try row.get("attempts"),
                    createdAt: Date(timeIntervalSince1970: Double(try row.get("created_at", as: Int64.self)) / 1000),
                    deliveredAt: try row.get("delivered_at", as: Int64?.self).map {
                        Date(timeIntervalSince1970: Double($0) / 1000)
                    },
                    nextAttemptAt: state == "pending"
                        ? Date(timeIntervalSince1970: Double(try row.get("next_attempt_at", as: Int64.self)) / 1000)
                        : nil,
                    lastError: try row.get("last_error")
                )
            }
        }
    }

    func start(environment: ServiceEnvironment) {
        let created = OutboxDispatcher(outbox: self, environment: environment)
        dispatcher.withLock { $0 = created }
        created.start()
    }

    func stop() {
        dispatcher.withLock { current in
            let running = current
            current = nil
            return running
        }?.stop()
    }
}
