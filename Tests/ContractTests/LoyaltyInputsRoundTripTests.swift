import Contract
import Foundation
import Testing

/// Loyalty's inputs refuse unknown fields by comparing the body with what the decoded value
/// encodes back; a body with every field a type has must therefore never be refused.
struct LoyaltyInputsRoundTripTests {
    private func roundTrip<T: Codable & Equatable>(_ value: T) throws {
        #expect(try JSONCoding.decode(T.self, from: try JSONCoding.encode(value)) == value)
    }

    @Test func everyInputWithEveryFieldSet_IsAccepted() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        try roundTrip(
            RewardInput(
                productId: "mug", name: "Mug", category: "kitchen", moneyPrice: 100, currency: "PLN", pointsPrice: 5,
                active: false))
        try roundTrip(PointsAdjustmentRequest(points: -4, reason: "r", publicNote: "n"))
        try roundTrip(CoefficientUpdate(coefficient: Coefficient("1.5") ?? .one))
        var program = LoyaltyProgram.default
        program.earnCategory = "tea"
        program.rewardCategory = "mugs"
        program.earnProductIds = ["a"]
        program.rewardProductIds = []
        program.expiryMonths = 12
        try roundTrip(program)
        try roundTrip(
            LoyaltyRule(
                id: 3, name: "Paid", active: false, action: .orderStatus, status: .paid,
                conditions: RuleConditions(
                    minOrderValue: 100, validFrom: date, validTo: date, productIds: [], categories: ["tea"]),
                award: .proportional(.init(points: 1, per: 1000, basis: .gross, rounding: .down, roundTo: .ten))))
        try roundTrip(ExchangeOrderRequest(items: [.init(productId: "mug", quantity: 2)]))
        try roundTrip(ExchangedUpdate(exchanged: true))
        try roundTrip(ExchangeRejectionRequest(reason: "out of stock"))
    }

    @Test func explicitNullsForAbsentFields_AreAccepted() throws {
        let body =
            #"{"productId":"mug","name":"Mug","category":null,"moneyPrice":null,"currency":null,"pointsPrice":7}"#
        #expect(try JSONCoding.decode(RewardInput.self, from: Array(body.utf8)).pointsPrice == 7)
    }
}
