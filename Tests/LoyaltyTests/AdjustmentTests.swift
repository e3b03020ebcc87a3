import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// The admin's manual adjustments, one at a time.
struct AdjustmentTests {
    @Test func adjustments_AddAndSubtract_WithTheAdminsNameAndReason() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let added = try service.adjust("c1", 120, reason: "Apology for a late parcel")
        let subtracted = try service.adjust("c1", -20, reason: "Correction")

        #expect(added.status == 201)
        #expect(try added.decode(PointsAdjustmentResult.self).points == 120)
        #expect(try subtracted.decode(PointsAdjustmentResult.self).points == 100)
        let entry = try #require(try service.history("c1").last)
        #expect(entry.kind == .adjustment)
        #expect(entry.cause.actor == "Anna Admin")
        #expect(entry.cause.reason == "Apology for a late parcel")
        try service.expectLedgerConsistent("c1")
    }

    @Test func aSubtraction_NeverTakesTheBalanceBelowZero() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 50)

        let refused = try service.adjust("c1", -80)

        #expect(refused.status == 409)
        #expect(refused.error?.code == "insufficient_points")
        #expect(refused.error?.details?["balance"] == .number(50))
        #expect(refused.error?.details?["requested"] == .number(80))
        #expect(try service.balance("c1").points == 50)
        #expect(try service.history("c1").count == 1)
    }

    @Test func aRepeatWithTheSameIdempotencyKey_ReturnsTheFirstAnswer_AndChangesNothing() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let first = try service.adjust("c1", 75, key: "k-1")
        let repeated = try service.adjust("c1", 75, key: "k-1")

        #expect(first.status == 201)
        #expect(repeated.status == 201)
        #expect(repeated.body == first.body)
        #expect(repeated.headers["Idempotent-Replayed"] == "true")
        #expect(try service.balance("c1").points == 75)
        #expect(try service.history("c1").count == 1)
    }

    @Test func theSameIdempotencyKeyWithAnotherBody_IsRefused() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        try service.adjust("c1", 75, key: "k-1")

        let reused = try service.adjust("c1", 80, key: "k-1")

        #expect(reused.status == 422)
        #expect(reused.error?.code == "idempotency_key_reused")
        #expect(try service.balance("c1").points == 75)
    }

    @Test func anAdjustment_NeedsPointsOtherThanZeroAndAReason() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let zero = try service.adjust("c1", 0)
        let noReason = try service.adjust("c1", 5, reason: "  ")
        let longReason = try service.adjust("c1", 5, reason: String(repeating: "x", count: 501))
        let missing = try service.send(.post, "/v1/customers/c1/adjustments", text: #"{"points": 5}"#)

        #expect(zero.status == 422)
        #expect(zero.error?.details?["field"] == .string("points"))
        #expect(noReason.error?.details?["field"] == .string("reason"))
        #expect(longReason.status == 422)
        #expect(missing.status == 422)
        #expect(missing.error?.details?["field"] == .string("reason"))
    }

    @Test func adjustments_AreForAdminsOnly() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let body = PointsAdjustmentRequest(points: 10, reason: "Gift")
        let storefront = try service.send(
            .post, "/v1/customers/c1/adjustments", json: body, as: LoyaltyTestService.storefront)
        let customer = try service.send(
            .post, "/v1/customers/c1/adjustments", json: body, as: LoyaltyTestService.customer("c1"))
        #expect(storefront.status == 403)
        #expect(customer.status == 403)
    }
}
