import Contract
import Foundation
import GatewayCore
import HTTP
import ServiceKit
import TestSupport
import Testing

/// `PUT /api/v1/orders/{orderNumber}`: one transaction stores the version and queues one event per
/// receiver; events reach each receiver in order, survive a receiver that is down and a gateway
/// restart, and a new receiver is one line in the receiver table.
@Suite struct OrderFanOutTests {
    static let shop = GatewayHarness.storefrontKey

    static func put(_ gateway: GatewayHarness, _ number: String, _ order: OrderDocument) throws -> OrderAcceptance {
        let response = try gateway.client.json(.put, "/api/v1/orders/\(number)", order, token: shop)
        guard response.status == .accepted else {
            throw HarnessError("PUT answered \(response.status): \(response.text)")
        }
        return try response.decode(OrderAcceptance.self)
    }

    static func deliveries(_ gateway: GatewayHarness, _ number: String) throws -> OrderDeliveries {
        try gateway.client.request(.get, "/api/v1/orders/\(number)/deliveries", token: shop).decode(
            OrderDeliveries.self)
    }

    /// The requests one receiver got whose target starts with `path`: loyalty and discounts share
    /// the path `/v1/orders/{orderNumber}/events` (on one fake upstream here), and differ by event id.
    static func received(_ upstream: FakeUpstream, by receiver: String, path: String) -> [FakeUpstream.Received] {
        upstream.requests(startingWith: path).filter {
            $0.headers[Outbox.eventIdHeader]?.hasPrefix(receiver + ":") ?? false
        }
    }

    /// The sequences of the order events loyalty acknowledged with a 2xx, in arrival order.
    static func acknowledgedSequences(_ upstream: FakeUpstream, path: String, refused: Set<Int64> = []) throws
        -> [Int64]
    {
        try received(upstream, by: "loyalty", path: path).map {
            try JSONCoding.decode(OrderEvent.self, from: $0.body).sequence
        }
        .filter { !refused.contains($0) }
    }

    @Test func acceptedOrder_Is202_AndLoyaltyGetsLinesAndTotalsButNoBuyerData() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let acceptance = try Self.put(gateway, "ZM-1", .make())
        #expect(acceptance.orderNumber == "ZM-1")
        #expect(acceptance.sequence == 1)
        #expect(acceptance.changed)
        #expect(
            acceptance.deliveries.map(\.eventId) == [
                "loyalty:ZM-1:1", "discounts:ZM-1:1", "reviews:ZM-1:1", "personal-data:ZM-1:1",
            ])
        #expect(try eventually { try Self.deliveries(gateway, "ZM-1").receivers.first?.delivered == 1 })
        let received = try #require(Self.received(gateway.upstream, by: "loyalty", path: "/v1/orders/").first)
        #expect(received.method == .post)
        #expect(received.target == "/v1/orders/ZM-1/events")
        #expect(received.headers[InternalHeaders.role] == "service")
        #expect(received.headers[Outbox.eventIdHeader] == "loyalty:ZM-1:1")
        let event = try JSONCoding.decode(OrderEvent.self, from: received.body)
        #expect(event == OrderEvent(eventId: "loyalty:ZM-1:1", orderNumber: "ZM-1", sequence: 1, order: .make()))
        let text = String(decoding: received.body, as: UTF8.self)
        for personal in ["Jan Nowak", "Polna", "jan@example.pl", "600 000", "buyer"] {
            #expect(!text.contains(personal), "loyalty received \(personal)")
        }
    }

    @Test func acceptedOrder_DiscountsGetsTheCodeTheValuesAndTheStatus() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        var order = OrderDocument.make(status: .paid)
        order.discountCode = "spring10"
        order.shipping = ShippingCost(net: 1_000, gross: 1_230)
        order.totalGross += 1_230
        order.totalNet += 1_000
        _ = try Self.put(gateway, "ZM-9", order)
        #expect(try eventually { try Self.deliveries(gateway, "ZM-9").receivers.last?.delivered == 1 })
        let received = try #require(Self.received(gateway.upstream, by: "discounts", path: "/v1/orders/").first)
        #expect(received.target == DiscountsRoutes.orderEvents.servicePath("ZM-9"))
        #expect(received.headers[InternalHeaders.role] == "service")
        let event = try JSONCoding.decode(DiscountOrderEvent.self, from: received.body)
        #expect(
            event == DiscountOrderEvent(eventId: "discounts:ZM-9:1", orderNumber: "ZM-9", sequence: 1, order: order))
        #expect(event.discountCode == "spring10")
        #expect(event.orderValue == 24_600, "goods: the gross total less shipping")
        #expect(event.shippingCost == 1_230)
        #expect(event.status == .paid)
    }

    @Test func sameDocumentTwice_KeepsTheSequence_AndQueuesNothingNew() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        _ = try Self.put(gateway, "ZM-2", .make())
        let again = try Self.put(gateway, "ZM-2", .make())
        #expect(again.sequence == 1)
        #expect(!again.changed)
        #expect(again.deliveries.count == OrderReceivers.all.count, "one per receiver")
        let changed = try Self.put(gateway, "ZM-2", .make(status: .paid))
        #expect(changed.sequence == 2)
        #expect(changed.changed)
        #expect(try eventually { try Self.deliveries(gateway, "ZM-2").receivers.first?.deliveredSequence == 2 })
        #expect(try Self.deliveries(gateway, "ZM-2").receivers.first?.events.count == 2)
        #expect(Self.received(gateway.upstream, by: "loyalty", path: "/v1/orders/").count == 2)
    }

    @Test func versions_ReachTheReceiverInSequenceOrder() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        for quantity in 1...8 { _ = try Self.put(gateway, "ZM-3", .make(quantity: Int64(quantity))) }
        #expect(try eventually { try Self.deliveries(gateway, "ZM-3").receivers.first?.delivered == 8 })
        #expect(try Self.acknowledgedSequences(gateway.upstream, path: "/v1/orders/ZM-3/") == Array(1...8))
    }

    @Test func receiverDownForAWhile_LosesNothing_AndStillDeliversInOrder() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let refusals = Locked(3)
        gateway.upstream.behave { request in
            guard request.headers[Outbox.eventIdHeader]?.hasPrefix("loyalty:") ?? false else { return nil }
            let refuse = refusals.withLock { left -> Bool in
                defer { left -= 1 }
                return left > 0
            }
            return refuse ? HTTPResponse(status: .serviceUnavailable) : nil
        }
        for status in [OrderStatus.created, .paid, .fulfilled] {
            _ = try Self.put(gateway, "ZM-4", .make(status: status))
        }
        #expect(try eventually { try Self.deliveries(gateway, "ZM-4").receivers.first?.delivered == 3 })
        let view = try Self.deliveries(gateway, "ZM-4").receivers[0]
        #expect(view.pending == 0 && view.failed == 0)
        #expect(view.events[0].attempts > 1)
        // Every refused attempt was of sequence 1 (later ones wait their turn); then 1, 2, 3.
        let arrived = try Self.received(gateway.upstream, by: "loyalty", path: "/v1/orders/ZM-4/").map {
            try JSONCoding.decode(OrderEvent.self, from: $0.body).sequence
        }
        #expect(arrived == [1, 1, 1, 1, 2, 3])
    }

    @Test func gatewayRestart_LosesNothing() throws {
        let upstream = try FakeUpstream()
        let directory = try TemporaryDirectory(prefix: "zaplecze-gateway-restart")
        defer {
            upstream.stop()
            directory.remove()
        }
        let down = Locked(true)
        upstream.behave { request in
            request.target.hasPrefix("/v1/orders/") && down.current ? HTTPResponse(status: .serviceUnavailable) : nil
        }
        let first = try GatewayHarness(upstream: upstream, directory: directory)
        _ = try Self.put(first, "ZM-5", .make(status: .created))
        _ = try Self.put(first, "ZM-5", .make(status: .paid))
        #expect(try Self.deliveries(first, "ZM-5").receivers[0].pending == 2)
        first.stop()

        down.withLock { $0 = false }
        let second = try GatewayHarness(upstream: upstream, directory: directory)
        defer { second.stop() }
        #expect(try eventually { try Self.deliveries(second, "ZM-5").receivers.first?.delivered == 2 })
        let accepted = Self.received(upstream, by: "loyalty", path: "/v1/orders/ZM-5/")
        let sequences = try accepted.suffix(2).map { try JSONCoding.decode(OrderEvent.self, from: $0.body).sequence }
        #expect(sequences == [1, 2])
        // The stored version survived too: a third change is sequence 3.
        #expect(try Self.put(second, "ZM-5", .make(status: .fulfilled)).sequence == 3)
    }

    @Test func refusedEvent_IsMarkedFailed_AndDoesNotHoldBackTheNextVersion() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        gateway.upstream.behave { request in
            guard request.headers[Outbox.eventIdHeader]?.hasPrefix("loyalty:") ?? false,
                let event = try? JSONCoding.decode(OrderEvent.self, from: request.body), event.sequence == 1
            else { return nil }
            return HTTPResponse(status: .unprocessableContent)
        }
        _ = try Self.put(gateway, "ZM-6", .make())
        _ = try Self.put(gateway, "ZM-6", .make(status: .paid))
        #expect(try eventually { try Self.deliveries(gateway, "ZM-6").receivers.first?.delivered == 1 })
        let view = try Self.deliveries(gateway, "ZM-6").receivers[0]
        #expect(view.failed == 1)
        #expect(view.deliveredSequence == 2)
        #expect(view.events.first?.state == "failed")
    }

    @Test func anotherReceiverInTheTable_GetsItsEvents_WithNoOtherChange() throws {
        let buyerReceiver = OrderReceiver(
            name: "buyer-copy", service: "personal-data",
            path: { "/v1/orders/\(PercentDecoding.encode($0))/buyer" },
            payload: { change in try JSONCoding.encode(change.order.buyer) }
        )
        let gateway = try GatewayHarness(options: GatewayOptions(orderReceivers: OrderReceivers.all + [buyerReceiver]))
        defer { gateway.stop() }
        let acceptance = try Self.put(gateway, "ZM%2F2026%2F7", .make())
        #expect(
            acceptance.deliveries.map(\.eventId) == [
                "loyalty:ZM/2026/7:1", "discounts:ZM/2026/7:1", "reviews:ZM/2026/7:1", "personal-data:ZM/2026/7:1",
                "buyer-copy:ZM/2026/7:1",
            ])
        #expect(
            try eventually { try Self.deliveries(gateway, "ZM%2F2026%2F7").receivers.allSatisfy { $0.delivered == 1 } })
        let buyer = try #require(gateway.upstream.requests(startingWith: "/v1/orders/ZM%2F2026%2F7/buyer").first)
        #expect(try JSONCoding.decode(Buyer.self, from: buyer.body) == OrderDocument.make().buyer)
        #expect(gateway.upstream.requests(startingWith: "/v1/orders/ZM%2F2026%2F7/events").count == 4)
        let view = try Self.deliveries(gateway, "ZM%2F2026%2F7")
        #expect(view.receivers.map(\.receiver) == ["loyalty", "discounts", "reviews", "personal-data", "buyer-copy"])
        #expect(view.orderNumber == "ZM/2026/7")
    }

    @Test func deliveriesOfAnUnknownOrder_Is404() throws {
        let gateway = try GatewayHarness()
        defer { gateway.stop() }
        let response = try gateway.client.request(.get, "/api/v1/orders/never/deliveries", token: Self.shop)
        #expect(response.status == .notFound)
        #expect(response.errorEnvelope?.error.code == "order_not_found")
    }
}
