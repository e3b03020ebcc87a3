import Contract
import Foundation
import HTTP
import Testing

@testable import LoyaltyCore

/// Adjustment bodies that are valid JSON but not what the fields take, and ambiguous ones: none
/// of them moves a point, and each answer names the field and what it takes.
struct AdjustmentBodyTests {
    @Test(arguments: [#"{"points":5.5,"reason":"r"}"#, #"{"points":99999999999999999999,"reason":"r"}"#])
    func aNumberThatIsNotAWholeNumberInRange_Is422NamingTheFieldAndItsRange(body: String) throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try service.send(.post, "/v1/customers/c1/adjustments", text: body)

        #expect(answer.status == 422)
        #expect(answer.error?.code == "invalid_field")
        #expect(answer.error?.details?["field"] == .string("points"))
        #expect(answer.error?.message.contains("9223372036854775807") == true, "\(answer.error?.message ?? "")")
        #expect(try service.history("c1").isEmpty)
    }

    @Test func theSmallestInt64_IsRefusedNamingTheRealRange() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try service.send(
            .post, "/v1/customers/c1/adjustments", text: #"{"points":-9223372036854775808,"reason":"r"}"#)

        #expect(answer.status == 422)
        #expect(answer.error?.message.contains("-9223372036854775807 to 9223372036854775807") == true)
    }

    @Test func aKeyNamedTwice_Is400NamingIt_AndMovesNoPoints() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }

        let answer = try service.send(
            .post, "/v1/customers/c1/adjustments", text: #"{"points":5,"points":-5,"reason":"r"}"#)

        #expect(answer.status == 400)
        #expect(answer.error?.code == "duplicate_key")
        #expect(answer.error?.details?["key"] == .string("points"))
        #expect(try service.history("c1").isEmpty)
    }

    @Test func aWrongEnumerationValue_ListsTheAllowedOnes() throws {
        let service = try LoyaltyTestService()
        defer { service.shutdown() }
        var program = try service.send(.get, "/v1/program").decode(LoyaltyProgram.self)
        program.rewardEligibility = .marked

        let text = String(decoding: try JSONCoding.encode(program), as: UTF8.self)
            .replacingOccurrences(of: "\"rewardEligibility\":\"marked\"", with: "\"rewardEligibility\":\"everything\"")
        let answer = try service.send(.put, "/v1/program", text: text)

        #expect(answer.status == 422)
        #expect(answer.error?.details?["field"] == .string("rewardEligibility"))
        #expect(
            answer.error?.message.contains("marked, allExceptExcluded, category") == true,
            "\(answer.error?.message ?? "")")
    }
}
