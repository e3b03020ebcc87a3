import Foundation
import Identifiers
import Testing

/// The identifier rule and its byte-wise equality.
@Suite struct IdentifierTests {
    /// Text that reads like `Kevin`, `café` or `abc` but is other bytes, or hides a character.
    static let lookalikes = [
        "\u{212A}evin",  // KELVIN SIGN
        "cafe\u{0301}",  // e + COMBINING ACUTE ACCENT
        "caf\u{00E9}",  // é composed
        "\u{FF2B}evin",  // FULLWIDTH LATIN CAPITAL LETTER K
        "\u{0430}bc",  // CYRILLIC SMALL LETTER A
        "Ke\u{200D}vin",  // ZERO WIDTH JOINER
        "Ke\u{200B}vin",  // ZERO WIDTH SPACE
        "Kev in", "Kevin\n", "Kevin\u{7F}",
    ]

    @Test(arguments: lookalikes)
    func lookalikeAndInvisibleCharacters_AreNoIdentifierOfAnyKind(text: String) {
        #expect(CustomerId(text) == nil)
        #expect(ProductId(text) == nil)
        #expect(OrderNumber(text) == nil)
        #expect(DiscountCode(text) == nil)
    }

    @Test func swiftStringEquality_CallsCanonicalEquivalentsEqual_WhichIsWhyIdentifiersDoNotUseIt() {
        #expect("\u{212A}evin" == "Kevin")
        #expect("\u{212A}evin".utf8.elementsEqual("Kevin".utf8) == false)
    }

    /// Whether `text` makes an identifier of `kind` (a variable, not a literal, which would trap).
    func accepts<Kind: IdentifierKind>(_ kind: Kind.Type, _ text: String) -> Bool { Identifier<Kind>(text) != nil }

    @Test func lengthLimits_AreTheKindsOwn() {
        #expect(accepts(CustomerIdKind.self, String(repeating: "a", count: 200)))
        #expect(!accepts(CustomerIdKind.self, String(repeating: "a", count: 201)))
        #expect(!accepts(CustomerIdKind.self, ""))
        #expect(accepts(OrderNumberKind.self, String(repeating: "1", count: 64)))
        #expect(!accepts(OrderNumberKind.self, String(repeating: "1", count: 65)))
        #expect(!accepts(OrderNumberKind.self, "A:1"))
        #expect(accepts(CustomerIdKind.self, "c-42/x@shop.example"))
    }

    @Test func identifiers_AreEqualAndHashedByTheirBytes() {
        let a: CustomerId = "Kevin"
        let b = CustomerId(String("Kevin"))
        #expect(a == b)
        #expect(Set([a, b!]).count == 1)
        #expect(CustomerId(String("kevin")) != a)
        #expect(CustomerId("A") < CustomerId("a"))
    }

    @Test func decodingJSON_RefusesALookalikeNamingTheField() throws {
        struct Body: Codable { var lines: [Line] }
        struct Line: Codable { var productId: ProductId }
        let good = try JSONDecoder().decode(Body.self, from: Data(#"{"lines":[{"productId":"SKU-1"}]}"#.utf8))
        #expect(good.lines[0].productId == "SKU-1")
        #expect(throws: InvalidIdentifier.self) {
            try JSONDecoder().decode(
                Body.self, from: Data(#"{"lines":[{"productId":"SKU-1"},{"productId":"\u212Aa"}]}"#.utf8))
        }
        do {
            _ = try JSONDecoder().decode(
                Body.self, from: Data(#"{"lines":[{"productId":"SKU-1"},{"productId":"a b"}]}"#.utf8))
        } catch let error as InvalidIdentifier {
            #expect(error.field == "lines[1].productId")
            #expect(error.message.hasPrefix("lines[1].productId must be 1–200 characters"))
        }
        let encoded = try JSONEncoder().encode(good)
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"lines":[{"productId":"SKU-1"}]}"#)
    }

    @Test func thePattern_StatesTheSameRule() {
        #expect(CustomerIdKind.pattern == "^[!-~]{1,200}$")
        #expect(OrderNumberKind.pattern == "^[A-Za-z0-9._/-]{1,64}$")
    }
}
