import Contract

extension Identifier where Kind == DiscountCodeKind {
    /// The code as the shop stores it: ASCII letters upper-cased, everything else as typed, so a
    /// customer's `promo1000` finds `PROMO1000`. Codes are ASCII only, so this is byte-wise and
    /// locale-free (`String.uppercased()` would also map `ß` and friends, which codes never hold).
    var normalised: String {
        String(
            decoding: text.utf8.map { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
            }, as: UTF8.self)
    }
}
