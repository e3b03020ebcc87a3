/// Base64 with the URL- and filename-safe alphabet and no padding (RFC 4648 §5).
///
/// ```swift
/// let text = Base64URL.encode([0xfb, 0xff]) // "-_8"
/// let bytes = Base64URL.decode("-_8")       // [0xfb, 0xff]
/// ```
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Maps an ASCII byte to its 6-bit value, or 0xFF when it is not in the alphabet.
    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in alphabet.enumerated() {
            table[Int(symbol)] = UInt8(value)
        }
        return table
    }()

    /// Encodes bytes as unpadded base64url text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(alphabet[Int(group >> 18 & 0x3F)])
            output.append(alphabet[Int(group >> 12 & 0x3F)])
            if second != nil { output.append(alphabet[Int(group >> 6 & 0x3F)]) }
            if third != nil { output.append(alphabet[Int(group & 0x3F)]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded base64url text; returns nil on any character outside the alphabet
    /// (padding `=` included), on an impossible length, or on non-zero trailing bits.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let input = Array(text.utf8)
        // A final group of one character cannot carry a whole byte (RFC 4648 §4).
        guard input.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var index = 0
        while index < input.count {
            let groupLength = min(4, input.count - index)
            var group: UInt32 = 0
            for offset in 0..<4 {
                var value: UInt8 = 0
                if offset < groupLength {
                    value = reverse[Int(input[index + offset])]
                    if value == 0xFF { return nil }
                }
                group = group << 6 | UInt32(value)
            }
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            if groupLength > 2 { output.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if groupLength > 3 { output.append(UInt8(truncatingIfNeeded: group)) }
            // Canonical encodings leave the unused low bits zero (RFC 4648 §3.5); rejecting the
            // rest keeps one token from having several spellings.
            if groupLength == 2, group & 0xFFFF != 0 { return nil }
            if groupLength == 3, group & 0xFF != 0 { return nil }
            index += groupLength
        }
        return output
    }
}
