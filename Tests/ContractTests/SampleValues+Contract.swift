import Contract
import TestValues

extension SampleValues {
    /// An identifier of any kind: 1 to the kind's length of the characters it allows, JSON's
    /// awkward ones (`"`, `\\`, `/`) included where the kind has them.
    mutating func identifier<Kind: IdentifierKind>(_ kind: Kind.Type = Kind.self) -> Identifier<Kind> {
        let allowed = (0x21...0x7E).map(UInt8.init).filter(Kind.allows)
        let length = Int.random(in: 1...min(Kind.maxLength, 16), using: &generator)
        let bytes = (0..<length).map { _ in allowed.randomElement(using: &generator) ?? UInt8(ascii: "a") }
        return Identifier<Kind>(String(decoding: bytes, as: UTF8.self)) ?? "a"
    }

    /// A scaled decimal, extreme now and then.
    mutating func exactDecimal() -> ExactDecimal {
        ExactDecimal(
            scaled: Int.random(in: 0..<3, using: &generator) == 0
                ? int64() : Int64.random(in: -100_000...100_000, using: &generator))
    }

    /// A coefficient within its bounds.
    mutating func coefficient() -> Coefficient {
        Coefficient(
            tenThousandths: Int64.random(in: Coefficient.minimumScaled...Coefficient.maximumScaled, using: &generator))
            ?? .one
    }
}
