import Testing

@testable import DiscountsCore

/// Counting a mask's codes exactly, with checked arithmetic, and rendering them.
struct CodeMaskKeySpaceTests {
    @Test func oneRandomRange_HasItsSize() throws {
        #expect(try CodeMask.parse("X<RAND:0:9>").keySpace == 10)
    }

    @Test func severalRandomRanges_Multiply() throws {
        #expect(try CodeMask.parse("X<RAND:0:9>-<RAND:10:99>").keySpace == 900)
    }

    @Test func rangesWhoseProductPassesInt64_AreCountedAsInt64Max() throws {
        let mask = try CodeMask.parse("<RAND:0:1000000000000000000><RAND:0:1000000000000000000>")
        #expect(mask.keySpace == Int64.max)
        #expect(mask.randomSpace == nil)
    }

    @Test func aProductJustBelowInt64Max_IsExact() throws {
        // (3 037 000 499 + 1)² = 9 223 372 037 000 250 000 > Int64.max; one less fits.
        let mask = try CodeMask.parse("<RAND:1:3037000499><RAND:1:3037000499>")
        #expect(mask.keySpace == 3_037_000_499 * 3_037_000_499)
    }

    @Test func aSequence_CountsUntilInt64Max() throws {
        #expect(try CodeMask.parse("A<NUM:1000>").keySpace == Int64.max - 1000)
    }

    @Test func aMask_CanYieldItsKeySpace_AndNoMore() throws {
        let mask = try CodeMask.parse("X<RAND:0:9>")
        #expect(mask.canYield(10))
        #expect(!mask.canYield(11))
        #expect(!mask.canYield(-1))
    }

    @Test func aSequence_CannotYieldCodesLongerThanTheLimit() throws {
        // 45 literal characters + a sequence from 10^18: 19 digits fit, 20 do not.
        let mask = try CodeMask.parse(String(repeating: "A", count: 45) + "<NUM:1000000000000000000>")
        #expect(mask.canYield(1))
        #expect(mask.codeLength(forCount: 9_000_000_000_000_000_000) == nil)
        #expect(!mask.canYield(Int64.max))
    }

    @Test func hundredCodesOfASequenceMask_RunFromA1000ToA1099() throws {
        let mask = try CodeMask.parse("A<NUM:1000>")
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<100).map { index -> String in
            var buffer: [UInt8] = []
            mask.render(sequence: Int64(index), using: &generator, into: &buffer)
            return String(decoding: buffer, as: UTF8.self)
        }
        #expect(codes.first == "A1000")
        #expect(codes.last == "A1099")
        #expect(Set(codes).count == 100)
    }

    @Test func aThousandPromoCodes_NumberFrom1000To1999_WithFiveRandomDigits() throws {
        let mask = try CodeMask.parse("PROMO<NUM:1000><RAND:10000:99999>")
        var generator = SystemRandomNumberGenerator()
        for index in 0..<1000 {
            var buffer: [UInt8] = []
            mask.render(sequence: Int64(index), using: &generator, into: &buffer)
            let code = String(decoding: buffer, as: UTF8.self)
            #expect(code.hasPrefix("PROMO\(1000 + index)"))
            let suffix = Int(code.dropFirst(9))!
            #expect((10000...99999).contains(suffix))
        }
    }

    @Test func randomNumbers_AreZeroPaddedToTheWidthOfTheMaximum() throws {
        let mask = try CodeMask.parse("R<RAND:0:120>")
        var buffer: [UInt8] = []
        mask.render(key: 7, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "R007")
    }

    @Test func everyKeyOfASmallSpace_RendersADistinctCode_CoveringTheSpace() throws {
        let mask = try CodeMask.parse("<RAND:3:7>X<RAND:0:12>")
        var codes = Set<String>()
        for key in 0..<mask.keySpace {
            var buffer: [UInt8] = []
            mask.render(key: key, into: &buffer)
            codes.insert(String(decoding: buffer, as: UTF8.self))
        }
        #expect(codes.count == 65)
        #expect(codes.contains("3X00"))
        #expect(codes.contains("7X12"))
    }

    @Test func decimals_AreWrittenWholeForTheLargestValues() {
        var buffer: [UInt8] = []
        CodeMask.appendDecimal(Int64.max, width: 0, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == String(Int64.max))
        buffer = []
        CodeMask.appendDecimal(0, width: 4, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "0000")
    }
}
