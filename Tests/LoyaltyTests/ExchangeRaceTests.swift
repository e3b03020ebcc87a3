import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// Points can never be spent twice, however many exchange orders race for them.
struct ExchangeRaceTests {
    @Test func fortyConcurrentOrders_AgainstABalanceForTen_GiveExactlyTenSuccesses() throws {
        let service = try LoyaltyTestService(workers: 16)
        defer { service.shutdown() }
        try service.updateProgram { $0.rewardEligibility = .allExceptExcluded }
        _ = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 10_00, currency: "PLN", pointsPrice: 100))
        try service.adjust("c1", 1000)
        let body = try JSONCoding.encode(
            ExchangeOrderRequest(items: [ExchangeOrderItemRequest(productId: "mug", quantity: 1)]))

        let statuses = Locked<[Int]>([])
        let start = DispatchSemaphore(value: 0)
        let threads = (0..<40).map { _ in
            ThreadHandle.spawn(name: "race") {
                // Every thread waits at the start so the requests really arrive together.
                start.wait()
                let status =
                    (try? service.send(
                        .post, "/v1/customers/c1/exchange-orders", body: body, as: LoyaltyTestService.storefront
                    ).status) ?? -1
                statuses.withLock { $0.append(status) }
            }
        }
        for _ in threads { start.signal() }
        threads.forEach { $0.join() }

        let all = statuses.withLock { $0 }
        #expect(all.filter { $0 == 201 }.count == 10)
        #expect(all.filter { $0 == 409 }.count == 30)
        #expect(try service.balance("c1").points == 0)
        #expect(try service.balance("c1").exchangeOrderCount == 10)
        try service.expectLedgerConsistent("c1")
    }
}
