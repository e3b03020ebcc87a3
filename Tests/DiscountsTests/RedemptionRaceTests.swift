import Contract
import Foundation
import HTTP
import Primitives
import ServiceKit
import TestSupport
import Testing

@testable import DiscountsCore

/// Exactly-once redemption: 32 checkouts race over real HTTP, each on its own connection.
@Suite struct RedemptionRaceTests {
    static let racers = 32

    /// Starts `racers` threads that each send one redemption for their own order and customer at
    /// the same moment; returns each answer's status.
    static func race(_ service: CheckoutTestService, code: DiscountCode) throws -> [Int] {
        let statuses = Locked<[Int]>([])
        let start = DispatchSemaphore(value: 0)
        let threads = (0..<racers).map { index in
            ThreadHandle.spawn(name: "racer-\(index)") {
                // A client of its own: one connection per racer, as 32 checkouts would have.
                let client = TestClient(port: service.service.port, http: HTTPClient())
                var headers = HTTPHeaders()
                InternalHeaders.apply(
                    CheckoutTestService.storefront, secret: InProcessService.internalSecret, to: &headers)
                let body = try? JSONCoding.encode(
                    RedemptionRequest(
                        code: code, customerId: CustomerId("c-\(index)"), orderNumber: OrderNumber("R-\(index)")!,
                        orderValue: 10_000, shippingCost: 0, currency: "PLN"))
                start.wait()
                let status =
                    (try? client.request(.post, "/v1/redemptions", body: body ?? [], headers: headers).status.code)
                    ?? -1
                statuses.withLock { $0.append(status) }
                client.http.closeIdleConnections()
            }
        }
        for _ in threads { start.signal() }
        threads.forEach { $0.join() }
        return statuses.current
    }

    @Test func singleUseCode_IsRedeemedOnce_WhenThirtyTwoCheckoutsRace() throws {
        // The real failure rule: each racer is its own customer, so no racer is throttled.
        let service = try CheckoutTestService(failureRule: DiscountsService.defaultFailureRule)
        defer { service.stop() }
        try service.singleCode("RACE")
        let statuses = try Self.race(service, code: "race")
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == Self.racers - 1, "\(statuses)")
        #expect(try service.liveRedemptions("RACE") == 1)
        #expect(try service.counts("RACE") == (1, 1))
    }

    @Test func multiUseCode_IsRedeemedByEveryRacer() throws {
        let service = try CheckoutTestService(failureRule: DiscountsService.defaultFailureRule)
        defer { service.stop() }
        try service.singleCode("CROWD", kind: .multiUse)
        let statuses = try Self.race(service, code: "CROWD")
        #expect(statuses == Array(repeating: 201, count: Self.racers))
        #expect(try service.liveRedemptions("CROWD") == Int64(Self.racers))
        #expect(try service.counts("CROWD") == (Int64(Self.racers), 1))
    }
}
