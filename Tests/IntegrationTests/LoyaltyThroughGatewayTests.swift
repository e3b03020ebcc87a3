import Contract
import Foundation
import HTTP
import TestSupport
import Testing

/// Loyalty as the storefront and the back office reach it: through the gateway, with real keys.
@Suite(.serialized)
struct LoyaltyThroughGatewayTests {
    @Test func exchangeOrders_RacingForOneBalance_GiveExactlyTenSuccessesAndThirty409s() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let admin = SuiteHarness.adminKey
        var program = LoyaltyProgram.default
        program.rewardEligibility = .allExceptExcluded
        #expect(try suite.gateway.json(.put, "/api/v1/loyalty/program", program, token: admin).status == .ok)
        let reward = RewardInput(
            productId: "mug", name: "Kubek", moneyPrice: 2_000, currency: "PLN", pointsPrice: 100, active: true)
        #expect(try suite.gateway.json(.post, "/api/v1/loyalty/rewards", reward, token: admin).status.code < 300)
        let credit = PointsAdjustmentRequest(points: 1_000, reason: "race seed")
        #expect(
            try suite.gateway.json(.post, "/api/v1/loyalty/customers/racer/adjustments", credit, token: admin).status
                .code < 300)

        let statuses = Locked<[Int]>([])
        let order = ExchangeOrderRequest(items: [ExchangeOrderItemRequest(productId: "mug", quantity: 1)])
        let body = try JSONCoding.encode(order)
        DispatchQueue.concurrentPerform(iterations: 40) { _ in
            let response = try? suite.gateway.request(
                .post, "/api/v1/loyalty/customers/racer/exchange-orders", token: SuiteHarness.storefrontKey, body: body
            )
            statuses.withLock { $0.append(response?.status.code ?? 0) }
            if let response, response.status.code == 409 {
                #expect(response.errorEnvelope?.error.code == "insufficient_points")
            }
        }
        #expect(statuses.current.filter { $0 == 201 }.count == 10)
        #expect(statuses.current.filter { $0 == 409 }.count == 30)
        let balance = try suite.gateway.request(.get, "/api/v1/loyalty/customers/racer", token: admin).decode(
            CustomerPoints.self)
        #expect(balance.points == 0)
    }

    @Test func adjustments_RepeatedWithOneKeyThroughTheGateway_ApplyOnce_AndNeverGoBelowZero() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let admin = SuiteHarness.adminKey
        let credit = PointsAdjustmentRequest(points: 50, reason: "apology")
        for _ in 0..<3 {
            let response = try suite.gateway.json(
                .post, "/api/v1/loyalty/customers/c-1/adjustments", credit, token: admin,
                headers: ["Idempotency-Key": "once"]
            )
            #expect(response.status.code < 300)
        }
        let debit = PointsAdjustmentRequest(points: -51, reason: "too much")
        let refused = try suite.gateway.json(.post, "/api/v1/loyalty/customers/c-1/adjustments", debit, token: admin)
        #expect(refused.status == .conflict)
        #expect(refused.errorEnvelope?.error.code == "insufficient_points")
        let balance = try suite.gateway.request(
            .get, "/api/v1/loyalty/customers/c-1", token: SuiteHarness.storefrontKey)
        #expect(try balance.decode(CustomerPoints.self).points == 50)
        let history = try suite.gateway.request(.get, "/api/v1/loyalty/customers/c-1/history", token: admin)
        #expect(history.status == .ok)
        #expect(history.text.contains("apology"))
    }

    @Test func storefront_CannotChangeTheProgram_AndAnonymousCallersGet401() throws {
        let suite = try SuiteHarness()
        defer { suite.stop() }
        let forbidden = try suite.gateway.json(
            .put, "/api/v1/loyalty/program", LoyaltyProgram.default, token: SuiteHarness.storefrontKey)
        #expect(forbidden.status == .forbidden)
        let anonymous = try suite.gateway.request(.get, "/api/v1/loyalty/customers/c-1")
        #expect(anonymous.status == .unauthorized)
        let badKey = try suite.gateway.request(
            .get, "/api/v1/loyalty/customers/c-1", token: "not-a-key-at-all-0123456789")
        #expect(badKey.status == .unauthorized)
        #expect(badKey.errorEnvelope?.error.code == "unauthorized")
    }
}
