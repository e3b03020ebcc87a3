import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// `POST /v1/rules/preview`: the panel's live preview, by the arithmetic that credits orders.
struct AwardPreviewTests {
    /// One point for every 5.00 of net value, the award behind "103,93 / 5".
    static func award(_ rounding: PointsRounding, to step: RoundingStep = .one) -> Award {
        .proportional(ProportionalAward(points: 1, per: 500, basis: .net, rounding: rounding, roundTo: step))
    }

    static func preview(_ service: LoyaltyTestService, _ request: AwardPreviewRequest) throws -> Int64 {
        let answer = try service.send(.post, "/v1/rules/preview", json: request)
        #expect(answer.status == 200, "\(answer.text)")
        return try answer.decode(AwardPreview.self).points
    }

    @Test func anOrderOf103_93_Per5_Gives20_21_Or30_AsTheRoundingSays() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        #expect(try Self.preview(service, AwardPreviewRequest(award: Self.award(.down), orderValue: 10_393)) == 20)
        #expect(try Self.preview(service, AwardPreviewRequest(award: Self.award(.nearest), orderValue: 10_393)) == 21)
        #expect(
            try Self.preview(service, AwardPreviewRequest(award: Self.award(.up, to: .ten), orderValue: 10_393)) == 30)
        #expect(try Self.preview(service, AwardPreviewRequest(award: .fixed(points: 50), orderValue: 0)) == 50)
    }

    @Test func coefficient_FollowsWhatTheProgramSaysItMultiplies() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let doubled = AwardPreviewRequest(
            award: Self.award(.down), orderValue: 10_393, coefficient: Coefficient(tenThousandths: 20_000))
        #expect(try Self.preview(service, doubled) == 41)
        try service.updateProgram { $0.coefficientApplies = .requiredAmount }
        #expect(try Self.preview(service, doubled) == 10)
    }

    @Test func preview_IsForTheAdminOnly_AndRefusesANegativeValue() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let request = AwardPreviewRequest(award: Self.award(.down), orderValue: 10_393)
        #expect(
            try service.send(.post, "/v1/rules/preview", json: request, as: LoyaltyTestService.storefront).status == 403
        )
        let negative = try service.send(
            .post, "/v1/rules/preview", json: AwardPreviewRequest(award: Self.award(.down), orderValue: -1))
        #expect(negative.status == 422)
        #expect(negative.error?.details?["field"] == .string("orderValue"))
    }
}
