import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// The rewards catalogue as a shop owner meets it: a product priced in points by hand needs no
/// money price, input and output name the price alike, unknown fields are refused, and a new
/// product is exchangeable under the default program.
struct RewardCatalogueTests {
    @Test func aProductWithAPointsPriceSetByHand_NeedsNoMoneyPrice_AndIsExchangeableByDefault() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let created = try service.send(
            .post, "/v1/rewards", text: #"{"productId":"mug","name":"Mug","pointsPrice":120}"#)

        #expect(created.status == 201, "\(created.text)")
        let reward = try created.decode(Reward.self)
        #expect(reward.pointsPrice == 120)
        #expect(reward.pointsPriceSetByHand)
        #expect(reward.moneyPrice == nil)
        #expect(reward.eligible)
        let seen = try service.send(.get, "/v1/rewards/mug", as: LoyaltyTestService.customer("c1"))
        #expect(seen.status == 200)
    }

    @Test func aProductWithNeitherPrice_IsRefusedNamingThePointsPrice() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let refused = try service.send(.post, "/v1/rewards", text: #"{"productId":"mug","name":"Mug"}"#)
        let halfAPrice = try service.send(
            .post, "/v1/rewards", text: #"{"productId":"mug","name":"Mug","moneyPrice":100}"#)

        #expect(refused.status == 422)
        #expect(refused.error?.details?["field"] == .string("pointsPrice"))
        #expect(halfAPrice.status == 422)
        #expect(halfAPrice.error?.details?["field"] == .string("currency"))
    }

    @Test func anUnknownFieldInARewardOrAnAdjustment_IsRefusedNamingIt() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let reward = try service.send(
            .post, "/v1/rewards", text: #"{"productId":"mug","name":"Mug","manualPoints":50,"pointsPrice":60}"#)
        let adjustment = try service.send(
            .post, "/v1/customers/c1/adjustments", text: #"{"points":5,"reason":"r","note":"for you"}"#)

        #expect(reward.status == 422)
        #expect(reward.error?.code == "unknown_field")
        #expect(reward.error?.details?["field"] == .string("manualPoints"))
        #expect(adjustment.status == 422)
        #expect(adjustment.error?.details?["field"] == .string("note"))
        #expect(try service.send(.get, "/v1/rewards/mug").status == 404)
        #expect(try service.history("c1").isEmpty)
    }

    @Test func theMarkedEligibility_StillAdmitsOnlyTheMarkedProducts() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram {
            $0.rewardEligibility = .marked
            $0.rewardProductIds = ["mug"]
        }
        for id in ["mug", "bag"] {
            _ = try service.send(.put, "/v1/rewards/\(id)", json: RewardInput(name: id, pointsPrice: 10))
        }

        let admin: Page<Reward> = try service.send(.get, "/v1/rewards").decode()

        #expect(admin.items.map(\.productId) == ["bag", "mug"])
        #expect(admin.items.map(\.eligible) == [false, true])
    }
}
