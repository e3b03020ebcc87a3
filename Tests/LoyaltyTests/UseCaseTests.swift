import Contract
import Foundation
import HTTP
import ServiceKit
import Testing

@testable import LoyaltyCore

/// The use cases the controllers call, driven directly: what each decides without a request
/// around it, and the answers of their refusals, pinned so that moving them out of the
/// controllers changed no status, code or wording.
struct UseCaseTests {
    private func dependencies(_ service: LoyaltyTestService) -> LoyaltyDependencies {
        LoyaltyDependencies(environment: service.running.environment)
    }

    private func addReward(_ service: LoyaltyTestService, _ productId: String, active: Bool = true) throws {
        let input = RewardInput(productId: productId, name: productId, pointsPrice: 50, active: active)
        let created = try service.send(.post, "/v1/rewards", json: input)
        #expect(created.status == 201, "\(created.text)")
    }

    @Test func theCatalogue_FillsACustomersPage_PastBatchesOfProductsTheyCannotExchange() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        for productId in ["a1", "a2", "a3", "a4", "b1", "b2", "b3"] { try addReward(service, productId) }
        // The first four are excluded from exchange, more than one batch of a two-item page.
        try service.updateProgram { $0.rewardProductIds = ["a1", "a2", "a3", "a4"] }
        let catalogue = RewardsCatalogue(dependencies: dependencies(service))
        let customerView = RewardsCatalogue.Filter(active: true, category: nil, orderableOnly: true)

        let first = try catalogue.page(customerView, afterProductId: nil, limit: 2)
        let last = try catalogue.page(customerView, afterProductId: "b2", limit: 2)
        let everything = try catalogue.page(
            RewardsCatalogue.Filter(active: nil, category: nil, orderableOnly: false), afterProductId: nil, limit: 10)

        #expect(first.items.map(\.productId) == ["b1", "b2"] && first.more)
        #expect(last.items.map(\.productId) == ["b3"] && !last.more)
        #expect(everything.items.count == 7 && !everything.more)
        #expect(throws: CatalogueRefusal.noReward("a1")) { try catalogue.reward("a1", forAdmin: false) }
        #expect(try catalogue.reward("a1", forAdmin: true).eligible == false)
    }

    @Test func catalogueRefusals_AnswerAsTheControllersDidBefore() {
        let missing = CatalogueRefusal.noReward("mug")
        #expect(missing.status == .notFound && missing.code == "not_found")
        #expect(missing.message == "No reward for product mug.")
        let twice = CatalogueRefusal.rewardExists("mug")
        #expect(twice.status == .conflict && twice.code == "reward_exists")
        #expect(twice.message == "Product mug is in the catalogue already; change it with PUT.")
        let rule = CatalogueRefusal.noRule(7)
        #expect(rule.status == .notFound && rule.code == "not_found" && rule.message == "No rule 7.")
    }

    @Test(arguments: [CoefficientTarget.points, .requiredAmount])
    func anAwardsPreview_IsTheArithmeticOfAnOrdersAward(target: CoefficientTarget) throws {
        let coefficient = try #require(Coefficient("1.5"))
        let proportional = ProportionalAward(points: 3, per: 1000, basis: .gross, rounding: .nearest)
        #expect(
            try PointsCalculator.points(of: .fixed(points: 41), orderValue: 0, coefficient: coefficient, target: target)
                == PointsCalculator.fixedPoints(41, coefficient: coefficient, target: target))
        #expect(
            try PointsCalculator.points(
                of: .proportional(proportional), orderValue: 12_345, coefficient: coefficient, target: target)
                == PointsCalculator.proportionalPoints(
                    proportional, value: 12_345, coefficient: coefficient, target: target))
    }

    @Test func theRulesPreview_ReadsTheProgramsCoefficientTarget() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let rules = EarningRules(dependencies: dependencies(service))
        let request = AwardPreviewRequest(
            award: .fixed(points: 10), orderValue: 0, coefficient: try #require(Coefficient("2")))
        #expect(try rules.preview(request).points == 20)
        try service.updateProgram { $0.coefficientApplies = .requiredAmount }
        #expect(try rules.preview(request).points == 10)
        #expect(throws: CatalogueRefusal.noRule(404)) { try rules.rule(404) }
    }
}
