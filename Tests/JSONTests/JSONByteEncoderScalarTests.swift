import Foundation
import JSON
import TestValues
import Testing

/// How scalars come out of `JSONCoding.encode`: each expectation is checked against Foundation's
/// `JSONEncoder` too, so the literal and Foundation must agree.
struct JSONByteEncoderScalarTests {
    @Test func strings_EscapeQuotesBackslashesAndControlCharacters_AsFoundationDoes() {
        expectJSON("a\"b\\c", #""a\"b\\c""#)
        expectJSON("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#)
        expectJSON("\u{0}\u{1}\u{B}\u{1B}\u{1F}", #""\u0000\u0001\u000b\u001b\u001f""#)
        for scalar in 0...0x7F {
            expectSameJSON(String(UnicodeScalar(UInt8(scalar))))
        }
    }

    @Test func strings_LeaveSlashesDeleteAndNonASCIIAlone() {
        expectJSON("a/b</script>", #""a/b</script>""#)
        expectJSON("\u{7F}", "\"\u{7F}\"")
        expectJSON("Ľščťž 日本 😀👨‍👩‍👧 \u{2028}", "\"Ľščťž 日本 😀👨‍👩‍👧 \u{2028}\"")
        expectJSON("e\u{301}", "\"e\u{301}\"")
        expectJSON("", #""""#)
    }

    @Test func strings_OfEveryAwkwardKind_MatchFoundation() {
        for text in SampleValues.awkwardStrings {
            expectSameJSON(text)
            expectSameJSON([text: text])
        }
        var values = SampleValues(seed: 7)
        for _ in 0..<300 { expectSameJSON(values.string()) }
    }

    @Test func integers_OfEveryWidth_WriteTheirDecimalDigits() {
        expectJSON(Int64.max, "9223372036854775807")
        expectJSON(Int64.min, "-9223372036854775808")
        expectJSON(UInt64.max, "18446744073709551615")
        expectJSON([Int8.min, Int8.max], "[-128,127]")
        expectJSON([Int16.min, Int16.max], "[-32768,32767]")
        expectJSON([Int32.min, Int32.max], "[-2147483648,2147483647]")
        expectJSON([UInt8.max], "[255]")
        expectJSON([UInt16.max], "[65535]")
        expectJSON([UInt32.max], "[4294967295]")
        expectJSON([UInt.max], "[18446744073709551615]")
        expectJSON(0, "0")
        expectJSON(-7, "-7")
        expectSameJSON(Int.min)
        var values = SampleValues(seed: 11)
        for _ in 0..<500 { expectSameJSON(values.int64()) }
    }

    @Test func wideIntegers_WriteTheirDecimalDigits() throws {
        guard #available(macOS 15.0, *) else { return }
        expectJSON(Int128.min, "-170141183460469231731687303715884105728")
        expectJSON(UInt128.max, "340282366920938463463374607431768211455")
        expectSameJSON(["wide": Int128(-5)])
        expectSameJSON([Int128.max, 0])
        expectSameJSON(Wide(signed: .min, unsigned: .max))
    }

    @Test func doubles_DropATrailingPointZero_AndKeepExponents() {
        expectJSON(1.0, "1")
        expectJSON(-0.0, "-0")
        expectJSON(0.1, "0.1")
        expectJSON(1e-5, "1e-05")
        expectJSON(1e20, "1e+20")
        expectJSON(123.456, "123.456")
        for number in [
            Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, .ulpOfOne, 1e16, 9_007_199_254_740_992, -2.5e-300,
            1.0 / 3,
        ] {
            expectSameJSON(number)
            expectSameJSON([number])
            expectSameJSON(["number": number])
        }
        var values = SampleValues(seed: 13)
        for _ in 0..<500 { expectSameJSON(values.double()) }
    }

    @Test func floats_WriteTheirShortestDescription() {
        for number: Float in [1, 0.1, -2.5, 1e-7, 3.4e38, .leastNonzeroMagnitude, 16_777_216] {
            expectSameJSON(number)
            expectSameJSON([number])
            expectSameJSON(["number": number])
        }
    }

    @Test func nonFiniteNumbers_Throw_AsInFoundation() {
        for number in [Double.nan, .infinity, -.infinity] {
            expectBothThrow(number)
            expectBothThrow([number])
            expectBothThrow(["number": number])
            expectBothThrow(JSONValue.array([.number(1), .number(number)]))
        }
        expectBothThrow(Float.nan)
        expectBothThrow([Float.infinity])
    }

    @Test func booleansAndNull_AreLiterals() {
        expectJSON(true, "true")
        expectJSON(false, "false")
        expectJSON([true, false], "[true,false]")
        expectJSON(Optional<Int>.none, "null")
        expectJSON(JSONValue.null, "null")
        expectJSON([Int?.none, 1, nil], "[null,1,null]")
    }

    @Test func topLevelFragments_AreAllowed() {
        expectJSON("fragment", #""fragment""#)
        expectJSON(42, "42")
        expectJSON(Status.paid, #""paid""#)
        expectJSON(Step.hundred, "100")
    }

    @available(macOS 15.0, *)
    private struct Wide: Encodable {
        let signed: Int128
        let unsigned: UInt128

        func encode(to encoder: any Encoder) throws {
            var keyed = encoder.container(keyedBy: AnyKey.self)
            try keyed.encode(signed, forKey: AnyKey("signed"))
            try keyed.encode(unsigned, forKey: AnyKey("unsigned"))
            var list = keyed.nestedUnkeyedContainer(forKey: AnyKey("list"))
            try list.encode(signed)
            try list.encode(unsigned)
            var single = keyed.superEncoder(forKey: AnyKey("single")).singleValueContainer()
            try single.encode(unsigned)
        }
    }
}
