import Contract
import Foundation
import HTTP
import HelpdeskCore
import ServiceKit
import TestSupport
import Testing

/// Ten threads or messages at once per writer, then one a minute; the admin is not limited; a
/// retried request with its Idempotency-Key is answered without spending.
@Suite struct HelpdeskWriterLimitTests {
    typealias Service = HelpdeskTestService

    @Test func theEleventhThread_ByOneWriter_Is429_AnotherWriterAndALaterMinuteAreNot() throws {
        let service = try Service(writerRule: HelpdeskService.defaultWriterRule)
        defer { service.stop() }
        for _ in 0..<10 { _ = try service.opened(Service.opening()) }
        let refused = try service.open(Service.opening())
        #expect(refused.status == .tooManyRequests && refused.errorCode == "too_many_messages", "\(refused.text)")
        #expect(refused.headers["Retry-After"] != nil)
        var other = Service.opening()
        other.customerId = "c-other"
        #expect(try service.open(other).status == .created)
        service.clock.advance(seconds: 60)
        #expect(try service.open(Service.opening()).status == .created)
    }

    @Test func messagesOnACustomersSide_AreLimited_TheAdminsAreNot_AndARetryWithItsKeySpendsNothing() throws {
        let service = try Service(writerRule: HelpdeskService.defaultWriterRule)
        defer { service.stop() }
        let thread = try service.opened().thread.id
        let first = try service.post(
            MessageRequest(body: "Pierwsza"), to: thread, as: Service.storefront, headers: ["Idempotency-Key": "m-1"])
        #expect(first.status == .created)
        for index in 0..<9 {
            #expect(
                try service.post(MessageRequest(body: "Wiadomość \(index)"), to: thread, as: Service.storefront).status
                    == .created)
        }
        let refused = try service.post(MessageRequest(body: "Jedenasta"), to: thread, as: Service.storefront)
        #expect(refused.status == .tooManyRequests && refused.errorCode == "too_many_messages")
        let replayed = try service.post(
            MessageRequest(body: "Pierwsza"), to: thread, as: Service.storefront, headers: ["Idempotency-Key": "m-1"])
        #expect(replayed.status == .created && replayed.headers["Idempotent-Replayed"] == "true")
        for _ in 0..<20 {
            #expect(
                try service.post(MessageRequest(body: "Odpowiedź"), to: thread, as: Service.admin).status == .created)
        }
    }
}
