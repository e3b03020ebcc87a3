import Foundation
import JSON
import TestValues
import Testing

/// Objects, arrays and the less common parts of the `Encoder` API, each checked against
/// Foundation's `JSONEncoder` with the suite's settings.
struct JSONByteEncoderContainerTests {
    /// Encodes its pairs in the given order through a keyed container, repeats included.
    private struct Pairs: Encodable {
        let pairs: [(String, Int)]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in pairs { try container.encode(value, forKey: AnyKey(key)) }
        }
    }

    @Test func keys_AreSortedByTheirUTF8Bytes() {
        let keys = ["b", "a", "B", "_", "é", "aa", "a b", "10", "9", "😀", "Z", "z", "", "ä", "\u{7F}", "\"", "\\", "/"]
        let text = expectSameJSON(Pairs(pairs: keys.enumerated().map { ($1, $0) }))
        let sorted = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(text?.hasPrefix("{\"\":12,\"\\\"\":15,\"\\/\"") == false)  // slashes are not escaped
        #expect(text?.hasPrefix("{\"\":12,\"\\\"\":15,\"/\":17,") == true)
        expectSameJSON(Dictionary(uniqueKeysWithValues: sorted.map { ($0, $0) }))
    }

    @Test func keys_WithEscapes_AreEscapedLikeStrings() {
        expectJSON(
            Pairs(pairs: [("tab\there", 1), ("quote\"", 2), ("nul\u{0}", 3)]),
            #"{"nul\u0000":3,"quote\"":2,"tab\there":1}"#)
    }

    @Test func repeatedKeys_KeepTheLastValue() {
        expectJSON(Pairs(pairs: [("a", 1), ("b", 2), ("a", 3)]), #"{"a":3,"b":2}"#)
        expectJSON(Pairs(pairs: [("a", 1), ("a", 2), ("a", 3)]), #"{"a":3}"#)
        let many = (0..<40).map { ("k\($0 % 7)", $0) }
        expectSameJSON(Pairs(pairs: many))
    }

    @Test func canonicallyEquivalentKeys_AreOneKey_AsInFoundationsDictionary() {
        // "K" and KELVIN SIGN, "é" precomposed and decomposed: equal `String`s, different bytes.
        expectSameJSON(Pairs(pairs: [("K", 1), ("\u{212A}", 2)]))
        expectSameJSON(Pairs(pairs: [("\u{212A}", 1), ("K", 2), ("a", 3)]))
        expectSameJSON(Pairs(pairs: [("\u{E9}", 1), ("e\u{301}", 2), ("f", 3)]))
        expectSameJSON(Pairs(pairs: [("e\u{301}", 1), ("\u{E9}", 2), ("e\u{301}", 3)]))
    }

    @Test func largeObjects_AreSortedAndDeduplicated() {
        var values = SampleValues(seed: 21)
        for _ in 0..<20 {
            let pairs = (0..<Int.random(in: 0...80, using: &values.generator)).map { index in
                (Bool.random(using: &values.generator) ? values.string() : "k\(index % 13)", index)
            }
            expectSameJSON(Pairs(pairs: pairs))
        }
    }

    @Test func optionals_AreLeftOutWithEncodeIfPresent_AndNullWithEncode() {
        expectJSON(Conditions(), "{}")
        expectJSON(Conditions(minOrderValue: 5, productIds: []), #"{"minOrderValue":5,"productIds":[]}"#)
        expectJSON(Listing(items: [], nextCursor: nil), #"{"items":[],"nextCursor":null}"#)
        expectJSON([Int?.none, 2], "[null,2]")
        expectJSON(["a": Int?.none], #"{"a":null}"#)
        expectJSON([[String?.none], ["x"]], #"[[null],["x"]]"#)
    }

    /// A type with no members.
    private struct Empty: Encodable {}

    @Test func emptyContainers_AreEmptyBrackets() {
        expectJSON([Int](), "[]")
        expectJSON([String: Int](), "{}")
        expectJSON([[Int]](), "[]")
        expectJSON([[String: [Int]]()], "[{}]")
        expectJSON(Empty(), "{}")
    }

    @Test func dictionaries_WithStringIntAndOtherKeys_MatchFoundation() {
        expectJSON(["b": 1, "a": 2], #"{"a":2,"b":1}"#)
        expectJSON([10: "ten", 9: "nine", -1: "minus"], #"{"-1":"minus","10":"ten","9":"nine"}"#)
        expectSameJSON([true: 1])  // not CodingKeyRepresentable: an array of pairs
        expectSameJSON([Status.paid: 1])  // neither
        expectSameJSON(["outer": ["inner": [1, 2]]])
    }

    @Test func valuesThatEncodeNothing_AreEmptyObjects_ButFailAtTheTop() {
        expectJSON(["x": Nothing()], #"{"x":{}}"#)
        expectJSON([Nothing()], "[{}]")
        expectJSON(Wrapper(inner: Nothing()), #"{"inner":{}}"#)
        expectBothThrow(Nothing())
        // Through a single value container an empty value is `{}` even at the top.
        expectJSON(SingleWrapper(inner: Nothing()), "{}")
        expectJSON([SingleWrapper(inner: Nothing())], "[{}]")
    }

    @Test func enumsWithAssociatedValues_UseNestedContainers() {
        expectSameJSON(Shape.circle(radius: 2))
        expectSameJSON(Shape.rectangle(width: 1, height: 3, label: "a/b"))
        expectSameJSON(Shape.empty)
        expectSameJSON([Shape.circle(radius: 1), .empty, .rectangle(width: 0, height: 0, label: nil)])
    }

    @Test func nestedContainers_AskedForTwice_AreTheSameContainer() {
        expectSameJSON(Reopened())
    }

    @Test func valuesAlreadyWritten_AreReopened_ByNestedAndOwnContainers() {
        expectSameJSON(ReopenedValues())
        expectSameJSON(SingleThenKeyed())
        expectSameJSON([SingleThenKeyed()])
    }

    @Test func superEncoders_WriteUnderSuperOrTheirKey_OrInTheirPlace() {
        expectSameJSON(Derived(base: 1, extra: "x"))
        expectSameJSON(SuperUser())
        expectSameJSON([Derived(base: 2, extra: "y")])
    }

    @Test func classHierarchies_ShareOneKeyedContainer() {
        expectSameJSON(Child())
    }

    @Test func nesting_Up_To_511_Containers_Encodes_And_512_Throws() {
        expectSameJSON(nested(levels: 510, innermost: JSONValue.array([])))
        expectSameJSON(nested(levels: 511, innermost: JSONValue.number(1)))
        expectBothThrow(nested(levels: 511, innermost: JSONValue.array([])))
        expectBothThrow(nested(levels: 600, innermost: JSONValue.null))
        // Arrays of numbers and strings, which both encoders write directly, count too.
        expectSameJSON(Deep(levels: 510, innermost: [1, 2]))
        expectSameJSON(Deep(levels: 510, innermost: ["a"]))
        expectBothThrow(Deep(levels: 511, innermost: [1, 2]))
        expectBothThrow(Deep(levels: 511, innermost: ["a"]))
    }

    @Test func misuse_ThrowsInsteadOfTrapping() {
        #expect(throws: EncodingError.self) { try JSONCoding.encode(TwoSingleValues()) }
        #expect(throws: EncodingError.self) { try JSONCoding.encode(KeyedAfterUnkeyed()) }
        #expect(throws: EncodingError.self) { try JSONCoding.encode([KeyedAfterUnkeyed()]) }
    }

    private func nested(levels: Int, innermost: JSONValue) -> JSONValue {
        var value = innermost
        for level in 0..<levels { value = level % 2 == 0 ? .array([value]) : .object(["k": value]) }
        return value
    }
}
