import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// An order event a receiver refuses for good is counted in `/metrics`, listed for the admin
/// with the receiver's error, and delivered again on request once the cause is fixed.
@Suite struct DeadLetterTests {
    static let admin = GatewayHarness.adminKey

    /// A gateway whose loyalty receiver refuses sequence 1 of every order while `refusing` holds.
    static func refusingGateway(_ refusing: Locked<Bool>) throws -> GatewayHarness {
        let gateway = try GatewayHarness()
        gateway.upstream.behave { request in
            guard refusing.withLock({ $0 }), request.target.hasPrefix("/v1/orders/"),
                let event = try? JSONCoding.decode(OrderEvent.self, from: request.body), event.sequence == 1
            else { return nil }
            return try? HTTPResponse.json(
                ErrorEnvelope(
                    error: .init(code: "validation_failed", message: "lines[0].quantity is too large."),
                    requestId: "r"),
                status: .unprocessableContent)
        }
        return gateway
    }

    static func failed(_ gateway: GatewayHarness, query: String = "") throws -> Page<DeadLetter> {
        try gateway.client.request(.get, "/api/v1/orders/deliveries/failed\(query)", token: admin).decode(
            Page<DeadLetter>.self)
    }

    static func deadLetterGauge(_ gateway: GatewayHarness) throws -> Double? {
        try gateway.client.request(.get, "/metrics", token: admin).text.split(separator: "\n")
            .first { $0.hasPrefix("zaplecze_outbox_dead_letters ") }
            .flatMap { Double($0.dropFirst("zaplecze_outbox_dead_letters ".count)) }
    }

    @Test func aRefusedEvent_IsCounted_AndListedWithTheReceiversError() throws {
        let refusing = Locked(true)
        let gateway = try Self.refusingGateway(refusing)
        defer { gateway.stop() }

        _ = try OrderFanOutTests.put(gateway, "DL-1", .make())
        #expect(try eventually { try Self.failed(gateway).items.count == 1 })

        let letter = try #require(try Self.failed(gateway).items.first)
        #expect(letter.eventId == "loyalty:DL-1:1")
        #expect(letter.service == "loyalty")
        #expect(letter.state == "failed")
        #expect(letter.lastError?.contains("lines[0].quantity is too large.") == true, "\(letter.lastError ?? "")")
        #expect(try Self.deadLetterGauge(gateway) == 1)
    }

    @Test func aRetryOnceTheCauseIsFixed_DeliversTheEvent() throws {
        let refusing = Locked(true)
        let gateway = try Self.refusingGateway(refusing)
        defer { gateway.stop() }
        _ = try OrderFanOutTests.put(gateway, "DL-2", .make())
        #expect(try eventually { try Self.failed(gateway).items.count == 1 })

        refusing.withLock { $0 = false }
        let retried = try gateway.client.request(
            .post, "/api/v1/orders/deliveries/\(PercentDecoding.encode("loyalty:DL-2:1"))/retry", token: Self.admin)

        #expect(retried.status == .accepted)
        #expect(try retried.decode(DeadLetter.self).state == "pending")
        #expect(try eventually { try OrderFanOutTests.deliveries(gateway, "DL-2").receivers.first?.delivered == 1 })
        #expect(try Self.failed(gateway).items.isEmpty)
        #expect(try Self.deadLetterGauge(gateway) == 0)
        let again = try gateway.client.request(
            .post, "/api/v1/orders/deliveries/\(PercentDecoding.encode("loyalty:DL-2:1"))/retry", token: Self.admin)
        #expect(again.status == .notFound)
    }

    @Test func theList_IsPaged_AndForTheAdminOnly() throws {
        let refusing = Locked(true)
        let gateway = try Self.refusingGateway(refusing)
        defer { gateway.stop() }
        for number in ["DL-3", "DL-4", "DL-5"] { _ = try OrderFanOutTests.put(gateway, number, .make()) }
        #expect(try eventually { try Self.failed(gateway).items.count == 3 })

        let first = try Self.failed(gateway, query: "?limit=2")
        let cursor = try #require(first.nextCursor)
        let second = try Self.failed(gateway, query: "?limit=2&cursor=\(cursor)")

        #expect(first.items.map(\.eventId) == ["loyalty:DL-3:1", "loyalty:DL-4:1"])
        #expect(second.items.map(\.eventId) == ["loyalty:DL-5:1"])
        #expect(second.nextCursor == nil)
        let storefront = try gateway.client.request(
            .get, "/api/v1/orders/deliveries/failed", token: GatewayHarness.storefrontKey)
        #expect(storefront.status == .forbidden)
    }
}
