import Testing

@testable import DiscountsCore

/// What a mask can give within the longest code, and the shape the shop's codes are counted by.
struct CodeMaskCapacityTests {
    static let cases: [(String, Int64)] = [
        ("A<NUM:1000>", Int64.max - 1000), ("X<RAND:100:999>", 900), ("P<RAND:0:9><RAND:0:99>", 1000),
        (String(repeating: "W", count: 60) + "<NUM:1000>", 9_000),
        (String(repeating: "W", count: 61) + "<NUM:0>", 1_000),
        (String(repeating: "W", count: 62) + "<NUM:5><NUM:7>", 3),
    ]

    @Test(arguments: cases)
    func capacity_IsTheKeySpace_WithinTheLongestCode(mask: String, capacity: Int64) throws {
        let parsed = try CodeMask.parse(mask)
        #expect(parsed.capacity == capacity)
        #expect(parsed.canYield(capacity))
        #expect(capacity == Int64.max || !parsed.canYield(capacity + 1))
    }

    @Test func theShape_MatchesEveryCodeOfTheMask_WithItsLiteralPrefix() throws {
        let promo = try CodeMask.parse("promo<NUM:1000><RAND:10000:99999>-x")
        #expect(promo.shapePattern == "PROMO*[0-9][0-9][0-9][0-9][0-9]-X")
        #expect(promo.literalPrefix == "PROMO")
        let random = try CodeMask.parse("<RAND:0:99>AB")
        #expect(random.shapePattern == "[0-9][0-9]AB")
        #expect(random.literalPrefix == "")
    }
}
