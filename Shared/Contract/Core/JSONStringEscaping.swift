/// JSON string literals exactly as `JSONEncoder` writes them with `.withoutEscapingSlashes`
/// (swift-foundation's `JSONWriter.serializeString`): `"` and `\` escaped; backspace, form
/// feed, line feed, carriage return and tab as `\b \f \n \r \t`; every other byte below 0x20 as
/// `\u00XX` with lower-case hex; everything else, `/`, DEL and all non-ASCII UTF-8 included,
/// copied as it is (RFC 8259 §7 requires no more).
enum JSONStringEscaping {
    /// Appends `text` as a quoted, escaped JSON string.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0, to: &output) }) {
            return done
        }
        // Only bridged or otherwise foreign strings get here; native Swift strings are contiguous.
        Array(text.utf8).withUnsafeBufferPointer { appendQuoted(utf8: $0, to: &output) }
    }

    /// Appends UTF-8 bytes as a quoted, escaped JSON string.
    static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var pending = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { continue }
            if index > pending {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<index]))
            }
            appendEscape(for: byte, to: &output)
            pending = index + 1
        }
        if utf8.count > pending {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[pending..<utf8.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append(UInt8(ascii: "u"))
            output.append(UInt8(ascii: "0"))
            output.append(UInt8(ascii: "0"))
            output.append(hexDigit(byte >> 4))
            output.append(hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
