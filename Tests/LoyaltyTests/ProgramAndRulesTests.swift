import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// Program settings and earning rules through the API.
struct ProgramAndRulesTests {
    @Test func theProgram_StartsWithTheDefaults_AndIsReplacedByTheAdmin() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let initial: LoyaltyProgram = try service.send(.get, "/v1/program", as: LoyaltyTestService.customer("c1"))
            .decode()
        try service.updateProgram { $0.expiryMonths = 24 }
        let saved: LoyaltyProgram = try service.send(.get, "/v1/program", as: LoyaltyTestService.storefront).decode()

        #expect(initial == .default)
        #expect(saved.expiryMonths == 24)
    }

    @Test func aProgramThatBreaksARule_IsA422NamingTheField() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        var program = LoyaltyProgram.default
        program.earnEligibility = .category

        let answer = try service.send(.put, "/v1/program", json: program)

        #expect(answer.status == 422)
        #expect(answer.error?.details?["field"] == .string("earnCategory"))
    }

    @Test func onlyTheAdmin_ChangesTheProgram() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        let answer = try service.send(
            .put, "/v1/program", json: LoyaltyProgram.default, as: LoyaltyTestService.storefront)
        #expect(answer.status == 403)
        #expect(answer.error?.code == "forbidden")
    }

    @Test func rules_AreCreatedReadReplacedAndDeleted() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let created = try service.createRule(Rules.fixed(10))
        let id = try #require(created.id)
        var changed = created
        changed.name = "Ten points"
        changed.active = false
        let replaced = try service.send(.put, "/v1/rules/\(id)", json: changed)
        let read: LoyaltyRule = try service.send(.get, "/v1/rules/\(id)").decode()
        let inactive: Page<LoyaltyRule> = try service.send(.get, "/v1/rules?active=false").decode()
        let deleted = try service.send(.delete, "/v1/rules/\(id)")
        let gone = try service.send(.get, "/v1/rules/\(id)")

        #expect(replaced.status == 200)
        #expect(read == changed)
        #expect(inactive.items.map(\.id) == [id])
        #expect(deleted.status == 204)
        #expect(gone.status == 404)
        #expect(try service.send(.delete, "/v1/rules/\(id)").status == 404)
        var unnumbered = changed
        unnumbered.id = nil
        #expect(try service.send(.put, "/v1/rules/999", json: unnumbered).status == 404)
        #expect(try service.send(.put, "/v1/rules/999", json: changed).status == 422)
    }

    @Test func aRuleThatBreaksARule_OrAFieldOfTheWrongType_IsA422NamingTheField_AndMalformedJSONIsA400() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let noStatus = try service.send(
            .post, "/v1/rules", json: LoyaltyRule(name: "Paid", action: .orderStatus, award: .fixed(points: 5)))
        let badAward = try service.send(
            .post, "/v1/rules", text: #"{"name":"X","action":"orderCreated","award":{"type":"fixed","points":"ten"}}"#)
        let notJSON = try service.send(.post, "/v1/rules", text: "{name:")

        #expect(noStatus.status == 422)
        #expect(noStatus.error?.details?["field"] == .string("status"))
        #expect(badAward.status == 422)
        #expect(badAward.error?.details?["field"] == .string("award.points"))
        #expect(notJSON.status == 400)
    }

    @Test func rules_AreForTheAdminOnly_AndListsCheckTheirParameters() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        #expect(try service.send(.get, "/v1/rules", as: LoyaltyTestService.storefront).status == 403)
        #expect(try service.send(.get, "/v1/rules?limit=0").status == 400)
        #expect(try service.send(.get, "/v1/rules?limit=501").status == 400)
        #expect(try service.send(.get, "/v1/rules?action=flying").status == 400)
        #expect(try service.send(.get, "/v1/rules?cursor=abc").status == 400)
        #expect(try service.send(.get, "/v1/rules/abc").status == 400)
    }
}
