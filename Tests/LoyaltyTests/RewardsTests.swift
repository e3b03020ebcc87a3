import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// The rewards catalogue: prices in points and eligibility.
struct RewardsTests {
    @Test func aPriceSetByHand_WinsOverTheComputedOne() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram {
            $0.pointsPerCurrencyUnit = ExactDecimal(scaled: 25_000)  // 2.5 points per 1.00
            $0.rewardEligibility = .allExceptExcluded
        }

        let computed = try service.send(
            .post, "/v1/rewards", json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 39_99, currency: "PLN"))
        let manual = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "bag", name: "Bag", moneyPrice: 39_99, currency: "PLN", pointsPrice: 50))

        #expect(computed.status == 201)
        #expect(try computed.decode(Reward.self).pointsPrice == 100)  // 39.99 × 2.5 = 99.975, rounded up
        #expect(try manual.decode(Reward.self).pointsPrice == 50)
        #expect(try manual.decode(Reward.self).eligible)
    }

    @Test func eligibility_FollowsTheProgram_AndCustomersSeeOnlyWhatTheyCanExchange() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.updateProgram {
            $0.rewardEligibility = .marked
            $0.rewardProductIds = ["mug"]
        }
        for id in ["bag", "mug", "pen"] {
            let answer = try service.send(
                .put, "/v1/rewards/\(id)",
                json: RewardInput(name: id, moneyPrice: 10_00, currency: "PLN", active: id != "pen"))
            #expect(answer.status == 201)
        }

        let admin: Page<Reward> = try service.send(.get, "/v1/rewards").decode()
        let customer: Page<Reward> = try service.send(.get, "/v1/rewards", as: LoyaltyTestService.customer("c1"))
            .decode()

        #expect(admin.items.map(\.productId) == ["bag", "mug", "pen"])
        #expect(admin.items.map(\.eligible) == [false, true, false])
        #expect(customer.items.map(\.productId) == ["mug"])
        #expect(try service.send(.get, "/v1/rewards/bag", as: LoyaltyTestService.customer("c1")).status == 404)
    }

    @Test func theCatalogue_IsPagedWithOpaqueCursors() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        for id in ["a/1", "b+2", "c?3"] {
            _ = try service.send(
                .post, "/v1/rewards", json: RewardInput(productId: id, name: id, moneyPrice: 1_00, currency: "PLN"))
        }

        let first: Page<Reward> = try service.send(.get, "/v1/rewards?limit=2").decode()
        let cursor = try #require(first.nextCursor)
        let second: Page<Reward> = try service.send(.get, "/v1/rewards?limit=2&cursor=\(cursor)").decode()

        #expect(first.items.map(\.productId) == ["a/1", "b+2"])
        #expect(second.items.map(\.productId) == ["c?3"])
        #expect(second.nextCursor == nil)
    }

    @Test func editingTheCatalogue_IsForAdmins_AndChecksEveryField() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let storefront = try service.send(
            .post, "/v1/rewards", json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 1_00, currency: "PLN"),
            as: LoyaltyTestService.storefront)
        let invalid = try service.send(
            .post, "/v1/rewards",
            json: RewardInput(productId: "mug", name: "", moneyPrice: -1, currency: "XXX", pointsPrice: 0))
        _ = try service.send(
            .post, "/v1/rewards", json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 1_00, currency: "PLN"))
        let duplicate = try service.send(
            .post, "/v1/rewards", json: RewardInput(productId: "mug", name: "Mug", moneyPrice: 1_00, currency: "PLN"))
        let replaced = try service.send(
            .put, "/v1/rewards/mug", json: RewardInput(name: "Big mug", moneyPrice: 2_00, currency: "PLN"))
        let deleted = try service.send(.delete, "/v1/rewards/mug")
        let gone = try service.send(.delete, "/v1/rewards/mug")

        #expect(storefront.status == 403)
        #expect(invalid.status == 422)
        if case .array(let fields)? = invalid.error?.details?["fields"] {
            #expect(fields == ["name", "moneyPrice", "currency", "pointsPrice"].map(JSONValue.string))
        } else {
            Issue.record("no fields in \(invalid.text)")
        }
        #expect(duplicate.status == 409)
        #expect(replaced.status == 200)
        #expect(try replaced.decode(Reward.self).name == "Big mug")
        #expect(deleted.status == 204)
        #expect(gone.status == 404)
    }
}
