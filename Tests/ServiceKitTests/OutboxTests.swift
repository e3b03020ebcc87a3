import Contract
import Foundation
import HTTP
import ServiceKit
import Store
import TestSupport
import Testing

@Suite struct OutboxTests {
    @Test func event_IsDeliveredOnce_WithItsIdInTheHeader() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        let service = try InProcessService(TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream])
        defer { service.stop() }
        let body = TestService.EventRequest(eventId: "e-1", orderingKey: nil, text: "hello")
        #expect(try service.call(.post, "/v1/events", json: body).status == .accepted)
        #expect(try service.call(.post, "/v1/events", json: body).status == .accepted)
        #expect(eventually { receiver.received.current.count == 1 })
        usleep(300_000)
        #expect(receiver.received.current == [.init(eventId: "e-1", text: "hello")])
    }

    @Test func receiverThatFailsForAWhile_GetsTheEventLater_AndLosesNothing() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        receiver.scripted.withLock { $0 = [503, 500] }
        let service = try InProcessService(TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream])
        defer { service.stop() }
        #expect(
            try service.call(.post, "/v1/events", json: TestService.EventRequest(eventId: "e-2", text: "later")).status
                == .accepted)
        #expect(eventually(timeout: .seconds(15)) { receiver.received.current.count == 1 })
        // The dispatcher records the delivery once the receiver's answer is back, a moment after
        // the receiver saw the event.
        func delivery() throws -> (state: String, attempts: Int)? {
            try service.environment.database.read { connection in
                try connection.queryOne("SELECT state, attempts FROM outbox WHERE event_id = 'e-2'").map {
                    (try $0.get("state", as: String.self), try $0.get("attempts", as: Int.self))
                }
            }
        }
        #expect(eventually { (try? delivery())??.state == "delivered" })
        #expect(try delivery()?.attempts == 3)
    }

    @Test func eventsWithOneOrderingKey_ArriveInOrder_EvenWhenTheFirstIsRetried() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        receiver.scripted.withLock { $0 = [503] }
        let service = try InProcessService(TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream])
        defer { service.stop() }
        for index in 1...5 {
            let event = TestService.EventRequest(eventId: "o-\(index)", orderingKey: "order:42", text: "\(index)")
            #expect(try service.call(.post, "/v1/events", json: event).status == .accepted)
        }
        #expect(eventually(timeout: .seconds(15)) { receiver.received.current.count == 5 })
        #expect(receiver.received.current.map(\.text) == ["1", "2", "3", "4", "5"])
    }

    @Test func aReceiverThatDoesNotKnowTheRouteYetOrTheSecret_IsRetried_NotGivenUp() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        receiver.scripted.withLock { $0 = [404, 401] }
        let service = try InProcessService(TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream])
        defer { service.stop() }
        #expect(
            try service.call(.post, "/v1/events", json: TestService.EventRequest(eventId: "e-5", text: "later")).status
                == .accepted)
        #expect(eventually(timeout: .seconds(15)) { receiver.received.current.map(\.eventId) == ["e-5"] })
    }

    @Test func receiverThatRefusesWithA4xx_IsNotRetried_AndTheEventIsKeptAsFailed() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        receiver.scripted.withLock { $0 = [422] }
        let service = try InProcessService(TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream])
        defer { service.stop() }
        #expect(
            try service.call(.post, "/v1/events", json: TestService.EventRequest(eventId: "e-3", text: "bad")).status
                == .accepted)
        let failed = eventually {
            (try? service.environment.database.read {
                try $0.scalar("SELECT state FROM outbox WHERE event_id = 'e-3'", as: String.self)
            }) == "failed"
        }
        #expect(failed)
        #expect(receiver.received.current.isEmpty)
    }

    @Test func pendingEvents_SurviveARestartOfTheSender() throws {
        let receiver = try EventReceiver()
        defer { receiver.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.file("sender.sqlite")
        // First life: the receiver is not configured, so nothing can be delivered.
        let first = try InProcessService(TestService.definition(), databasePath: database)
        #expect(
            try first.call(.post, "/v1/events", json: TestService.EventRequest(eventId: "e-4", text: "kept")).status
                == .accepted)
        first.stop(keepDatabase: true)
        let second = try InProcessService(
            TestService.definition(), serviceURLs: ["receiver": receiver.stub.upstream], databasePath: database)
        defer { second.stop() }
        second.environment.outbox.wake()
        #expect(eventually(timeout: .seconds(15)) { receiver.received.current.map(\.eventId) == ["e-4"] })
    }

    @Test func inbox_AcceptsAnEventIdOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let service = try InProcessService(TestService.definition(), databasePath: directory.file("inbox.sqlite"))
        defer { service.stop() }
        let results = try service.environment.database.write { connection in
            [
                try Inbox.firstDelivery(of: "x", in: connection, now: Date()),
                try Inbox.firstDelivery(of: "x", in: connection, now: Date()),
                try Inbox.firstDelivery(of: "y", in: connection, now: Date()),
            ]
        }
        #expect(results == [true, false, true])
    }

    @Test func backoff_GrowsFromHalfASecondToAMinute_WithBoundedJitter() {
        let first = OutboxBackoff.delay(attempt: 1)
        #expect((500...600).contains(first))
        let later = OutboxBackoff.delay(attempt: 30)
        #expect((60_000...72_000).contains(later))
    }
}
