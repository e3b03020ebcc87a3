import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport

/// A small service built on ServiceKit for its tests: a counter behind an idempotent POST, an
/// endpoint that writes outbox events, and one that queues mail.
enum TestService {
    struct EventRequest: Codable {
        var eventId: String
        var orderingKey: String?
        var text: String
    }

    struct MailRequest: Codable {
        var to: String
        var subject: String
        var body: String
    }

    static func definition() -> ServiceDefinition {
        ServiceDefinition(
            name: "tester",
            defaultPort: 0,
            migrations: [
                Migration(
                    "tester-001-counters", "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            ],
            internalRoutes: { environment in
                RouteCollection()
                    .post("increments") { request, context in
                        try Idempotency.perform(
                            request, context: context, database: environment.database, clock: environment.clock
                        ) {
                            connection in
                            try connection.run(
                                "INSERT INTO counters (name, value) VALUES ('a', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1"
                            )
                            let value =
                                try connection.scalar("SELECT value FROM counters WHERE name = 'a'", as: Int.self) ?? 0
                            if request.headers["X-Refuse"] != nil {
                                throw HTTPError.conflict("Refused on request.", code: "refused")
                            }
                            if request.headers["X-Throttle"] != nil {
                                throw HTTPError.tooManyRequests(retryAfter: 1)
                            }
                            return try .json(["value": value], status: .created)
                        }
                    }
                    .get("counter") { _, _ in
                        let value =
                            try environment.database.read { connection in
                                try connection.scalar("SELECT value FROM counters WHERE name = 'a'", as: Int.self)
                            } ?? 0
                        return try .json(["value": value])
                    }
                    .post("events") { request, _ in
                        let body = try request.decode(EventRequest.self)
                        try environment.database.write { connection in
                            try Outbox.enqueue(
                                Outbox.Event(
                                    destination: "receiver", path: "/v1/inbox", payload: Array(body.text.utf8),
                                    eventId: body.eventId, orderingKey: body.orderingKey
                                ),
                                in: connection, now: environment.clock.date()
                            )
                        }
                        environment.outbox.wake()
                        return HTTPResponse(status: .accepted)
                    }
                    .post("mails") { request, _ in
                        let body = try request.decode(MailRequest.self)
                        try environment.database.write { connection in
                            try environment.mailer.enqueue(
                                MailMessage(to: [body.to], subject: body.subject, textBody: body.body), in: connection
                            )
                        }
                        environment.outbox.wake()
                        return HTTPResponse(status: .accepted)
                    }
                    .get("whoami") { _, context in
                        try .json([
                            "role": context.principal.role.rawValue,
                            "customer": context.principal.customerId?.text ?? "",
                            "name": context.principal.name ?? "",
                        ])
                    }
                    .get("explode") { _, _ in
                        struct Secret: Error {}
                        throw Secret()
                    }
            }
        )
    }
}

/// A stand-in receiver of outbox events: records what arrives and answers as told.
final class EventReceiver: @unchecked Sendable {
    struct Received: Equatable {
        var eventId: String
        var text: String
    }

    let received = Locked<[Received]>([])
    /// Answers to give before answering 200, consumed one per request (e.g. [503, 503]).
    let scripted = Locked<[Int]>([])
    let stub: LiveServer

    init() throws {
        let received = self.received
        let scripted = self.scripted
        stub = try LiveServer(
            routes: RouteCollection().post("v1/inbox") { request, _ in
                let status = scripted.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
                if status == 200 {
                    received.withLock {
                        $0.append(
                            Received(
                                eventId: request.headers[Outbox.eventIdHeader] ?? "",
                                text: String(decoding: request.body, as: UTF8.self)))
                    }
                }
                return HTTPResponse(status: HTTPStatus(status))
            })
    }

    func stop() { stub.stop() }
}
