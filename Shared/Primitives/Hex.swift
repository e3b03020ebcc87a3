extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each (`[0x0a, 0xff]` → `"0aff"`).
    public var hexDigits: String {
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(Self.digit(byte >> 4))
            out.append(Self.digit(byte & 0x0f))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func digit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
