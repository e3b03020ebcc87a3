import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// A customer reading their own history sees what happened to their points and the admin's
/// public note, never the admin's name or the internal reason.
struct CustomerHistoryViewTests {
    @Test func aCustomerReadingTheirHistory_SeesThePublicNote_NotTheAdminOrTheReason() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let adjustment = PointsAdjustmentRequest(
            points: 40, reason: "Complained twice, goodwill", publicNote: "Sorry for the late parcel")
        #expect(try service.send(.post, "/v1/customers/c1/adjustments", json: adjustment).status == 201)

        let page: Page<HistoryEntry> = try service.send(
            .get, "/v1/customers/c1/history", as: LoyaltyTestService.customer("c1")
        ).decode()
        let statement = try service.send(.get, "/v1/customers/c1/history.csv", as: LoyaltyTestService.customer("c1"))

        let entry = try #require(page.items.first)
        #expect(entry.kind == .adjustment)
        #expect(entry.points == 40)
        #expect(entry.balanceAfter == 40)
        #expect(entry.cause == HistoryCause(publicNote: "Sorry for the late parcel"))
        #expect(!statement.text.contains("Complained"))
        #expect(!statement.text.contains("Anna Admin"))
        #expect(statement.text.contains("Sorry for the late parcel"))
    }

    @Test func theAdmin_SeesTheReasonTheNoteAndWhoDidIt() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let adjustment = PointsAdjustmentRequest(points: 40, reason: "Goodwill", publicNote: "Thank you")
        _ = try service.send(.post, "/v1/customers/c1/adjustments", json: adjustment)

        let entry = try #require(try service.history("c1").first)

        #expect(entry.cause.actor == "Anna Admin")
        #expect(entry.cause.reason == "Goodwill")
        #expect(entry.cause.publicNote == "Thank you")
        let statement = try service.send(.get, "/v1/customers/c1/history.csv")
        #expect(statement.text.contains("Goodwill"))
    }

    @Test func aBlankPublicNote_IsRefusedNamingIt() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try service.send(
            .post, "/v1/customers/c1/adjustments",
            json: PointsAdjustmentRequest(points: 4, reason: "r", publicNote: " "))

        #expect(answer.status == 422)
        #expect(answer.error?.details?["field"] == .string("publicNote"))
    }
}
