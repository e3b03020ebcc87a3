import Contract
import Foundation
import Testing

/// The loyalty wire types: awards, rules and program settings as JSON, and their validation.
struct LoyaltyContractTests {
    private func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try decoder().decode(type, from: Data(json.utf8))
    }

    /// The coding path of a `dataCorrupted` error, as names; nil for other errors.
    private func corruptedPath<Value: Decodable>(_ type: Value.Type, _ json: String) -> [String]? {
        do {
            _ = try decode(type, json)
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.codingPath.map(\.stringValue)
        } catch {
            return nil
        }
    }

    // MARK: - Award

    @Test func award_DecodesBothTypes() throws {
        #expect(try decode(Award.self, #"{"type":"fixed","points":50}"#) == .fixed(points: 50))
        let json = #"{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"nearest","roundTo":10}"#
        let expected = ProportionalAward(points: 1, per: 500, basis: .net, rounding: .nearest, roundTo: .ten)
        #expect(try decode(Award.self, json) == .proportional(expected))
    }

    @Test func award_RoundTrips() throws {
        let awards: [Award] = [
            .fixed(points: 0),
            .fixed(points: 1_000_000),
            .proportional(ProportionalAward(points: 3, per: 2_000, basis: .gross, rounding: .up, roundTo: .thousand)),
        ]
        for award in awards {
            #expect(try decode(Award.self, String(decoding: try encoder().encode(award), as: UTF8.self)) == award)
        }
        let fixed = String(decoding: try encoder().encode(Award.fixed(points: 5)), as: UTF8.self)
        #expect(fixed == #"{"points":5,"type":"fixed"}"#)
    }

    @Test func award_RejectsBadFields_NamingEachOne() {
        let cases: [(json: String, field: String)] = [
            (#"{"type":"bonus","points":1}"#, "type"),
            (#"{"type":"fixed","points":-1}"#, "points"),
            (#"{"type":"proportional","points":-5,"per":500,"basis":"net","rounding":"down","roundTo":1}"#, "points"),
            (#"{"type":"proportional","points":1,"per":0,"basis":"net","rounding":"down","roundTo":1}"#, "per"),
            (#"{"type":"proportional","points":1,"per":-500,"basis":"net","rounding":"down","roundTo":1}"#, "per"),
            (#"{"type":"proportional","points":1,"per":500,"basis":"vat","rounding":"down","roundTo":1}"#, "basis"),
            (
                #"{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"sideways","roundTo":1}"#,
                "rounding"
            ),
            (#"{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"down","roundTo":5}"#, "roundTo"),
            (
                #"{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"down","roundTo":10000}"#,
                "roundTo"
            ),
        ]
        for (json, field) in cases {
            #expect(corruptedPath(Award.self, json) == [field], "\(json)")
        }
    }

    @Test func award_NestedInARule_ReportsTheFullPath() {
        let json = #"""
            {"name":"Orders","action":"orderCreated",
             "award":{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"down","roundTo":3}}
            """#
        #expect(corruptedPath(LoyaltyRule.self, json) == ["award", "roundTo"])
    }

    // MARK: - Rule

    @Test func rule_DecodesWithDefaults_AndRoundTrips() throws {
        let json = #"{"name":"Newsletter","action":"newsletterSignup","award":{"type":"fixed","points":20}}"#
        let rule = try decode(LoyaltyRule.self, json)
        #expect(rule.active)
        #expect(rule.conditions == .none)
        #expect(rule.id == nil)
        var full = rule
        full.id = 7
        full.action = .orderStatus
        full.status = .fulfilled
        full.conditions = RuleConditions(
            minOrderValue: 10_000,
            validFrom: Date(timeIntervalSince1970: 1_700_000_000),
            validTo: Date(timeIntervalSince1970: 1_800_000_000),
            productIds: ["a"],
            categories: ["B"]
        )
        let data = try encoder().encode(full)
        #expect(try decoder().decode(LoyaltyRule.self, from: data) == full)
        #expect(String(decoding: data, as: UTF8.self).contains(#""validFrom":"2023-11-14T22:13:20Z""#))
    }

    @Test func rule_WithUnknownActionOrStatus_FailsToDecode() {
        #expect(throws: DecodingError.self) {
            try decode(LoyaltyRule.self, #"{"name":"x","action":"birthday","award":{"type":"fixed","points":1}}"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(
                LoyaltyRule.self,
                #"{"name":"x","action":"orderStatus","status":"shipped","award":{"type":"fixed","points":1}}"#
            )
        }
    }

    @Test func validRule_HasNoProblems() {
        let rule = LoyaltyRule(
            name: "Fulfilled orders",
            action: .orderStatus,
            status: .fulfilled,
            award: .fixed(points: 10)
        )
        #expect(rule.validate().isEmpty)
    }

    @Test func ruleValidation_NamesEveryBrokenField() {
        func fields(_ rule: LoyaltyRule) -> [String] { rule.validate().map(\.field) }
        #expect(fields(LoyaltyRule(name: "x", action: .orderStatus, award: .fixed(points: 1))) == ["status"])
        #expect(
            fields(LoyaltyRule(name: "x", action: .orderStatus, status: .refunded, award: .fixed(points: 1))) == [
                "status"
            ]
        )
        #expect(
            fields(LoyaltyRule(name: "x", action: .orderCreated, status: .paid, award: .fixed(points: 1))) == ["status"]
        )
        #expect(fields(LoyaltyRule(name: "  ", action: .orderCreated, award: .fixed(points: 1))) == ["name"])
        #expect(
            fields(
                LoyaltyRule(name: String(repeating: "ž", count: 201), action: .orderCreated, award: .fixed(points: 1))
            ) == ["name"]
        )
        #expect(
            fields(
                LoyaltyRule(name: String(repeating: "ž", count: 200), action: .orderCreated, award: .fixed(points: 1))
            ).isEmpty
        )
        let backwards = RuleConditions(
            validFrom: Date(timeIntervalSince1970: 2),
            validTo: Date(timeIntervalSince1970: 1)
        )
        #expect(
            fields(LoyaltyRule(name: "x", action: .orderCreated, conditions: backwards, award: .fixed(points: 1))) == [
                "conditions.validTo"
            ]
        )
        let sameInstant = RuleConditions(
            validFrom: Date(timeIntervalSince1970: 1),
            validTo: Date(timeIntervalSince1970: 1)
        )
        #expect(
            fields(LoyaltyRule(name: "x", action: .orderCreated, conditions: sameInstant, award: .fixed(points: 1)))
                .isEmpty
        )
        let badLists = RuleConditions(minOrderValue: -1, productIds: [], categories: [""])
        #expect(
            fields(LoyaltyRule(name: "x", action: .orderCreated, conditions: badLists, award: .fixed(points: 1)))
                == ["conditions.minOrderValue", "conditions.productIds", "conditions.categories"]
        )
    }

    @Test func ruleValidation_RefusesOrderOnlyTermsOnOtherActions() {
        let proportional = Award.proportional(ProportionalAward(points: 1, per: 100, basis: .net, rounding: .down))
        let review = LoyaltyRule(name: "Reviews", action: .reviewPublished, award: proportional)
        #expect(review.validate().map(\.field) == ["award"])
        let signup = LoyaltyRule(
            name: "Signup",
            action: .newsletterSignup,
            conditions: RuleConditions(minOrderValue: 100),
            award: .fixed(points: 5)
        )
        #expect(signup.validate().map(\.field) == ["conditions"])
    }

    // MARK: - Program

    @Test func defaultProgram_RoundTrips_AndIsValid() throws {
        let data = try encoder().encode(LoyaltyProgram.default)
        #expect(try decoder().decode(LoyaltyProgram.self, from: data) == .default)
        #expect(LoyaltyProgram.default.validate().isEmpty)
        #expect(String(decoding: data, as: UTF8.self).contains(#""pointsPerCurrencyUnit":1"#))
    }

    @Test func program_DecodesAnExactRate_AndOptionalLists() throws {
        let json = #"""
            {"deductOnCancel":false,"coefficientApplies":"requiredAmount","earnEligibility":"category",
             "earnCategory":"Books","rewardEligibility":"allExceptExcluded","pointsPerCurrencyUnit":0.1,
             "expiryMonths":12}
            """#
        let program = try decode(LoyaltyProgram.self, json)
        #expect(program.pointsPerCurrencyUnit.scaled == 1_000)
        #expect(program.earnProductIds.isEmpty)
        #expect(program.rewardProductIds.isEmpty)
        #expect(program.coefficientApplies == .requiredAmount)
        #expect(program.expiryMonths == 12)
    }

    @Test func program_RejectsBadNumbers_NamingTheField() {
        func json(rate: String, expiry: String = "null") -> String {
            #"{"deductOnCancel":true,"coefficientApplies":"points","earnEligibility":"all","#
                + #""rewardEligibility":"marked","pointsPerCurrencyUnit":\#(rate),"expiryMonths":\#(expiry)}"#
        }
        #expect(corruptedPath(LoyaltyProgram.self, json(rate: "0")) == ["pointsPerCurrencyUnit"])
        #expect(corruptedPath(LoyaltyProgram.self, json(rate: "-1")) == ["pointsPerCurrencyUnit"])
        #expect(corruptedPath(LoyaltyProgram.self, json(rate: "0.00001")) == ["pointsPerCurrencyUnit"])
        #expect(corruptedPath(LoyaltyProgram.self, json(rate: "1", expiry: "0")) == ["expiryMonths"])
        #expect(throws: Never.self) { try decode(LoyaltyProgram.self, json(rate: "2.5", expiry: "24")) }
    }

    @Test func programValidation_NeedsACategoryForCategoryModes() {
        var program = LoyaltyProgram.default
        program.earnEligibility = .category
        program.rewardEligibility = .category
        program.rewardCategory = ""
        #expect(program.validate().map(\.field) == ["earnCategory", "rewardCategory"])
    }

    @Test func orderLine_AndStatus_UseTheContractNames() throws {
        let json = #"{"productId":"p","name":"Kniha","quantity":2,"unitNet":1000,"unitGross":1210}"#
        let line = try decode(OrderLine.self, json)
        #expect(line == OrderLine(productId: "p", name: "Kniha", quantity: 2, unitNet: 1_000, unitGross: 1_210))
        #expect(
            try decode([OrderStatus].self, #"["created","paid","fulfilled","cancelled","refunded"]"#)
                == OrderStatus.allCases
        )
    }
}
