import Contract

extension Identifier where Kind == DiscountCodeKind {
    /// The code as the shop stores it: ASCII letters upper-cased, everything else as typed, so a
    /// customer's `promo1000` finds `PROMO1000`.
    var normalised: String { Self.normalise(text) }

    /// `text` as codes are stored and compared: ASCII letters upper-cased, every other byte as it
    /// is. Byte-wise and locale-free (`String.uppercased()` would also map `ß` and friends, which
    /// codes never hold), so a code prefix typed in a search folds exactly as the codes did.
    static func normalise(_ text: String) -> String {
        String(
            decoding: text.utf8.map { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
            }, as: UTF8.self)
    }
}
