import Contract
import FoundationEssentials
import Glibc
import HTTP
import Store

/// The thread that delivers due outbox events, oldest first, holding back any event whose
/// ordering key has an earlier undelivered one, and retrying failures with exponential backoff
/// (0.5 s doubling to 60 s, with jitter).
final class OutboxDispatcher: @unchecked Sendable {
    // Safe: `stopping` and `woken` are only touched while `lock` is held; the rest is immutable.
    private let outbox: Outbox
    private unowned let environment: ServiceEnvironment
    private let lock = Lock()
    private var stopping = false
    private var woken = false
    private var thread: ThreadHandle?

    init(outbox: Outbox, environment: ServiceEnvironment) {
        self.outbox = outbox
        self.environment = environment
    }

    func start() {
        thread = ThreadHandle.spawn(name: "outbox") { [self] in run() }
    }

    func wake() {
        lock.withLock {
            woken = true
            lock.signal()
        }
    }

    func stop() {
        lock.withLock {
            stopping = true
            lock.signal()
        }
        thread?.join()
    }

    private struct Due {
        let id: Int64
        let eventId: String
        let destination: String
        let method: String
        let path: String
        let payload: [UInt8]
        let orderingKey: String?
        let attempts: Int
    }

    private func run() {
        while true {
            let delivered = (try? deliverDue()) ?? 0
            lock.lock()
            if stopping {
                lock.unlock()
                return
            }
            if delivered == 0 && !woken {
                lock.wait(untilMonotonicNanoseconds: MonotonicClock.now() &+ 500_000_000)
            }
            woken = false
            let stop = stopping
            lock.unlock()
            if stop { return }
        }
    }

    /// Delivers what is due; returns how many events were settled.
    private func deliverDue() throws -> Int {
        let now = outbox.clock.nanosecondsSinceEpoch() / 1_000_000
        let due = try outbox.database.read { connection in
            try connection.query(
                """
                SELECT o.id, o.event_id, o.destination, o.method, o.path, o.payload, o.ordering_key, o.attempts
                FROM outbox o
                WHERE o.state = 'pending' AND o.next_attempt_at <= ?
                  AND (o.ordering_key IS NULL OR NOT EXISTS (
                      SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.state = 'pending' AND p.id < o.id))
                ORDER BY o.id LIMIT 64
                """, now
            ).map { row in
                Due(
                    id: try row.get("id"), eventId: try row.get("event_id"), destination: try row.get("destination"),
                    method: try row.get("method"), path: try row.get("path"), payload: try row.get("payload"),
                    orderingKey: try row.get("ordering_key"), attempts: try row.get("attempts"))
            }
        }
        var settled = 0
        var blockedKeys = Set<String>()
        var blockedDestinations = Set<String>()
        for event in due {
            if lock.withLock({ stopping }) { break }
            if let key = event.orderingKey, blockedKeys.contains(key) { continue }
            if blockedDestinations.contains(event.destination) {
                if let key = event.orderingKey { blockedKeys.insert(key) }
                continue
            }
            let outcome = deliver(event)
            try record(outcome, for: event)
            switch outcome {
            case .delivered, .logged, .failed:
                settled += 1
            case .retry:
                if let key = event.orderingKey { blockedKeys.insert(key) }
                // A receiver that is down is down for all its events: try again after the backoff.
                blockedDestinations.insert(event.destination)
            }
        }
        return settled
    }

    private func deliver(_ event: Due) -> Outbox.Outcome {
        if event.destination == Outbox.mailDestination {
            return environment.mailer.deliver(payload: event.payload)
        }
        let client: ServiceClient
        do {
            client = try environment.client(for: event.destination)
        } catch {
            return .retry(error.message)
        }
        do {
            let response = try client.send(
                HTTPMethod(event.method), event.path, body: event.payload,
                principal: Principal(role: .service, name: environment.name),
                headers: [Outbox.eventIdHeader: event.eventId, "Idempotency-Key": event.eventId]
            )
            switch response.status.code {
            case 200..<300: return .delivered
            // Refusals of the event itself are final; anything else (a 401 after a secret
            // rotation, a 404 from a receiver not yet upgraded, overload, 5xx) may pass later.
            case 400, 405, 409, 410, 413, 415, 422:
                let failure = ServiceClient.callError(response, service: event.destination)
                return .failed("\(failure.status.code) \(failure.code): \(failure.message)")
            default:
                return .retry("\(response.status.code)")
            }
        } catch {
            return .retry(error.message)
        }
    }

    private func record(_ outcome: Outbox.Outcome, for event: Due) throws {
        let now = outbox.clock.nanosecondsSinceEpoch() / 1_000_000
        try outbox.database.write { connection in
            switch outcome {
            case .delivered, .logged:
                try connection.run(
                    "UPDATE outbox SET state = ?, delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                    outcome == .delivered ? "delivered" : "logged", now, event.id
                )
            case .failed(let reason):
                try connection.run(
                    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?", reason,
                    event.id
                )
            case .retry(let reason):
                let delay = OutboxBackoff.delay(attempt: event.attempts + 1)
                try connection.run(
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                    now + delay, reason, event.id
                )
            }
        }
        switch outcome {
        case .failed(let reason):
            outbox.logger.error(
                "event refused by receiver",
                [
                    ("eventId", .string(event.eventId)), ("destination", .string(event.destination)),
                    ("reason", .string(reason)),
                ])
        case .retry(let reason) where event.attempts == 0 || event.attempts % 10 == 9:
            outbox.logger.warn(
                "event delivery will be retried",
                [
                    ("eventId", .string(event.eventId)), ("destination", .string(event.destination)),
                    ("reason", .string(reason)),
                ])
        default:
            break
        }
    }
}

/// How long the outbox waits before trying an event again.
public enum OutboxBackoff {
    /// Milliseconds before attempt `attempt` (1-based): 500 ms doubling, capped at 60 s, plus up to
    /// 20 % jitter so that many senders do not retry in step.
    public static func delay(attempt: Int) -> Int64 {
        let base = min(60_000, 500 * (1 << min(max(attempt, 1) - 1, 7)))
        return Int64(base + Int.random(in: 0...(base / 5)))
    }
}
