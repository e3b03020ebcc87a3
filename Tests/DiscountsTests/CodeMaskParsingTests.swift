import Testing

@testable import DiscountsCore

/// The mask grammar: placeholders, literals, and every malformed form refused at its position.
struct CodeMaskParsingTests {
    private func failure(_ text: String) -> CodeMaskError? {
        do {
            _ = try CodeMask.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aLiteralAndASequence_ParseIntoTwoSegments() throws {
        let mask = try CodeMask.parse("A<NUM:1000>")
        #expect(mask.segments == [.literal(Array("A".utf8)), .sequence(start: 1000)])
    }

    @Test func aRandomPlaceholder_IsAsWideAsItsMaximum() throws {
        let mask = try CodeMask.parse("<RAND:5:120>")
        #expect(mask.segments == [.random(min: 5, max: 120, width: 3)])
    }

    @Test func literals_AreUpperCased_AndPlaceholderNamesIgnoreCase() throws {
        let mask = try CodeMask.parse("promo-x_<num:7>")
        #expect(mask.segments == [.literal(Array("PROMO-X_".utf8)), .sequence(start: 7)])
    }

    @Test func severalPlaceholders_KeepTheirOrder() throws {
        let mask = try CodeMask.parse("PROMO<NUM:1000><RAND:10000:99999>Z")
        #expect(
            mask.segments == [
                .literal(Array("PROMO".utf8)), .sequence(start: 1000),
                .random(min: 10000, max: 99999, width: 5), .literal(Array("Z".utf8)),
            ])
    }

    @Test(arguments: [
        ("A<NUM:1", 2, CodeMaskError.Reason.unclosedPlaceholder),
        ("AB<<NUM:1>", 3, .unclosedPlaceholder),
        ("A>B<NUM:1>", 2, .strayClosingBracket),
        ("X<FOO:1>", 2, .unknownPlaceholder("FOO")),
        ("X<>", 2, .unknownPlaceholder("")),
        ("X<NUM>", 2, .arguments("<NUM:start>")),
        ("X<NUM:1:2>", 2, .arguments("<NUM:start>")),
        ("X<RAND:1>", 2, .arguments("<RAND:min:max>")),
        ("XY<NUM:abc>", 3, .notANumber("abc")),
        ("X<NUM:-1>", 2, .notANumber("-1")),
        ("X<NUM:>", 2, .notANumber("")),
        ("X<NUM:+5>", 2, .notANumber("+5")),
        ("X<NUM:1000000000000000001>", 2, .notANumber("1000000000000000001")),
        ("X<NUM:99999999999999999999>", 2, .notANumber("99999999999999999999")),
        ("X<RAND:9:1>", 2, .emptyRange),
        ("A B<NUM:1>", 2, .character(" ")),
        ("ZAŻÓŁĆ<NUM:1>", 3, .character("Ż")),
        ("ABC", 1, .noPlaceholder),
        ("", 1, .length),
    ])
    func malformedMasks_AreRefused_NamingThePosition(text: String, position: Int, reason: CodeMaskError.Reason) {
        #expect(failure(text) == CodeMaskError(reason, at: position))
    }

    @Test func aMaskLongerThanTheLimit_IsRefused() {
        let text = String(repeating: "A", count: CodeMask.maxMaskLength) + "<NUM:1>"
        #expect(failure(text) == CodeMaskError(.length, at: 1))
    }

    @Test func aMaskWhoseCodesPassTheLengthLimit_IsRefused() {
        let text = String(repeating: "A", count: 60) + "<RAND:0:99999>"
        #expect(failure(text) == CodeMaskError(.codeTooLong(65), at: 1))
    }

    @Test func errors_DescribeThemselvesWithThePosition() {
        let error = CodeMaskError(.emptyRange, at: 4)
        #expect(error.description == "Position 4: in <RAND:min:max> min must not be greater than max.")
    }
}
