import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

/// A service reads the time of day from one clock, its definition's: what the runtime writes
/// about itself (applied migrations, stored idempotent answers, outbox events, log lines) is
/// dated by it, so a test's manual clock dates all of it.
@Suite struct ServiceClockTests {
    /// 2027-01-15T08:00:00Z in Unix milliseconds: the manual clock's start.
    static let startMilliseconds = ManualClock.defaultStartSeconds * 1000

    @Test func theRuntimesOwnRows_AreDatedByTheDefinitionsClock() throws {
        let clock = ManualClock()
        clock.advance(seconds: 1.5)
        let service = try InProcessService(RouteWriteTests.definition(committed: Locked([]), clock: clock.wall))
        defer { service.stop() }
        let answer = try service.call(
            .post, "/v1/sums", body: Array(#"{"by": 2}"#.utf8), headers: ["Idempotency-Key": "dated"])
        #expect(answer.status == .created)
        try service.environment.database.write { connection in
            try service.environment.mailer.enqueue(
                MailMessage(to: ["owner@example.com"], subject: "Dated", textBody: "By the manual clock."),
                in: connection, eventId: "dated-mail")
        }
        let expected = Self.startMilliseconds + 1500
        let dates = try service.environment.database.read { connection in
            (
                key: try connection.scalar(
                    "SELECT created_at FROM idempotency_keys WHERE key = 'dated'", as: Int64.self),
                event: try connection.scalar(
                    "SELECT created_at FROM outbox WHERE event_id = 'dated-mail'", as: Int64.self),
                migration: try connection.scalar(
                    "SELECT applied_at FROM schema_migrations WHERE id = 'writer-001-sums'", as: Int64.self)
            )
        }
        #expect(dates.key == expected)
        #expect(dates.event == expected)
        #expect(dates.migration == expected)
    }

    @Test func logLines_AreDatedByTheLoggersClock() {
        let clock = ManualClock()
        clock.advance(seconds: 0.25)
        let lines = Locked<[String]>([])
        let logger = Logger(service: "dated", clock: clock.wall) { bytes in
            lines.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) }
        }
        logger.info("hello")
        #expect(lines.current.first?.hasPrefix(#"{"time":"2027-01-15T08:00:00.250Z""#) == true, "\(lines.current)")
    }
}
