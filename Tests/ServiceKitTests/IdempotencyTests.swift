import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport
import Testing

@Suite struct IdempotencyTests {
    @Test func repeatWithTheSameKey_ReturnsTheFirstAnswer_AndChangesNothing() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let first = try service.call(
            .post, "/v1/increments", body: Array("{}".utf8), headers: ["Idempotency-Key": "k-1"])
        let again = try service.call(
            .post, "/v1/increments", body: Array("{}".utf8), headers: ["Idempotency-Key": "k-1"])
        #expect(first.status == .created)
        #expect(again.status == .created)
        #expect(again.body == first.body)
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(try service.call(.get, "/v1/counter").decode([String: Int].self)["value"] == 1)
    }

    @Test func sameKeyWithADifferentBody_IsA422() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        _ = try service.call(
            .post, "/v1/increments", body: Array("{\"a\":1}".utf8), headers: ["Idempotency-Key": "k-2"])
        let other = try service.call(
            .post, "/v1/increments", body: Array("{\"a\":2}".utf8), headers: ["Idempotency-Key": "k-2"])
        #expect(other.status == .unprocessableContent)
        #expect(other.errorEnvelope?.error.code == "idempotency_key_reused")
    }

    @Test func keysOfDifferentCallers_NeverShareAnswers() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let alice = Principal(role: .customer, customerId: "alice")
        let bob = Principal(role: .customer, customerId: "bob")
        let first = try service.call(
            .post, "/v1/increments", as: alice, body: Array("{}".utf8), headers: ["Idempotency-Key": "same"])
        let second = try service.call(
            .post, "/v1/increments", as: bob, body: Array("{}".utf8), headers: ["Idempotency-Key": "same"])
        #expect(try first.decode([String: Int].self)["value"] == 1)
        #expect(try second.decode([String: Int].self)["value"] == 2)
        #expect(second.headers["Idempotent-Replayed"] == nil)
    }

    @Test func aRefusal_IsStoredAndReplayed_AndItsChangesAreRolledBack() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let refused = try service.call(
            .post, "/v1/increments", body: [], headers: ["Idempotency-Key": "k-3", "X-Refuse": "1"])
        #expect(refused.status == .conflict)
        let replay = try service.call(.post, "/v1/increments", body: [], headers: ["Idempotency-Key": "k-3"])
        #expect(replay.status == .conflict)
        #expect(replay.body == refused.body)
        #expect(try service.call(.get, "/v1/counter").decode([String: Int].self)["value"] == 0)
    }

    @Test func aTooManyRequests_IsNotStored_SoTheRetryRunsTheRequest() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let throttled = try service.call(
            .post, "/v1/increments", body: [], headers: ["Idempotency-Key": "k-4", "X-Throttle": "1"])
        #expect(throttled.status == .tooManyRequests)
        let retry = try service.call(.post, "/v1/increments", body: [], headers: ["Idempotency-Key": "k-4"])
        #expect(retry.status == .created)
        #expect(retry.headers["Idempotent-Replayed"] == nil)
        #expect(try service.call(.get, "/v1/counter").decode([String: Int].self)["value"] == 1)
    }

    @Test func concurrentRepeatsOfOneKey_ApplyOnce() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let statuses = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            let response = try? service.call(
                .post, "/v1/increments", body: Array("{}".utf8), headers: ["Idempotency-Key": "race"])
            statuses.withLock { $0.append(response?.status.code ?? 0) }
        }
        #expect(statuses.current.allSatisfy { $0 == 201 })
        #expect(try service.call(.get, "/v1/counter").decode([String: Int].self)["value"] == 1)
    }

    @Test func oneKeyUnderTwoSpellingsOfThePath_IsOneRequest() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let first = try service.call(
            .post, "/v1/increments", body: Array("{}".utf8), headers: ["Idempotency-Key": "spelled"])
        let again = try service.call(
            .post, "//v1//increments/", body: Array("{}".utf8), headers: ["Idempotency-Key": "spelled"])
        #expect(first.status == .created)
        #expect(again.headers["Idempotent-Replayed"] == "true")
        #expect(try service.call(.get, "/v1/counter").decode([String: Int].self)["value"] == 1)
    }

    @Test func anOverlongKey_IsA400() throws {
        let service = try InProcessService(TestService.definition())
        defer { service.stop() }
        let response = try service.call(
            .post, "/v1/increments", body: [], headers: ["Idempotency-Key": String(repeating: "k", count: 300)])
        #expect(response.status == .badRequest)
    }
}
