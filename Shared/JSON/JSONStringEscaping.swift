/// JSON string literals exactly as `JSONEncoder` writes them with `.withoutEscapingSlashes`
/// (swift-foundation's `JSONWriter.serializeString`): `"` and `\` escaped; backspace, form
/// feed, line feed, carriage return and tab as `\b \f \n \r \t`; every other byte below 0x20 as
/// `\u00XX` with lower-case hex; everything else, `/`, DEL and all non-ASCII UTF-8 included,
/// copied as it is (RFC 8259 §7 requires no more).
///
/// Most strings need no escape at all, so a string is first copied whole and then checked in
/// place, eight bytes at a time.
enum JSONStringEscaping {
    /// Appends `text` as a quoted, escaped JSON string.
    static func appendQuoted(_ text: String, to output: JSONByteBuffer) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0, to: output) }
        if done == nil {
            // Only bridged or otherwise foreign strings get here; native Swift strings are contiguous.
            Array(text.utf8).withUnsafeBufferPointer { appendQuoted(utf8: $0, to: output) }
        }
    }

    /// Appends UTF-8 bytes as a quoted, escaped JSON string.
    static func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, to output: JSONByteBuffer) {
        let start = output.count
        output.appendPlainString(utf8)
        if !traits(of: output, (start + 1)..<(start + 1 + utf8.count)).needsEscape { return }
        output.truncate(to: start)
        output.reserve(utf8.count + 8)
        output.append(UInt8(ascii: "\""))
        var pending = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") { continue }
            if index > pending {
                output.append(UnsafeBufferPointer(rebasing: utf8[pending..<index]))
            }
            appendEscape(for: byte, to: output)
            pending = index + 1
        }
        if utf8.count > pending {
            output.append(UnsafeBufferPointer(rebasing: utf8[pending..<utf8.count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// What writing and sorting a run of bytes in `buffer` needs to know: whether some byte
    /// needs an escape, whether all are ASCII, and the first eight big-endian, zero-padded.
    static func traits(
        of buffer: JSONByteBuffer, _ range: Range<Int>
    ) -> (needsEscape: Bool, ascii: Bool, prefix: UInt64) {
        guard !range.isEmpty else { return (false, true, 0) }
        var escapes: UInt64 = 0
        var combined: UInt64 = 0
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound {
            let word = buffer.word(at: offset)
            escapes |= escapeBits(word)
            combined |= word
            offset += 8
        }
        if offset < range.upperBound {
            // The last few bytes; the stale bytes read past them are masked off.
            let valid = lowBytes(range.upperBound - offset)
            let word = buffer.word(at: offset) & valid
            escapes |= escapeBits(word) & valid
            combined |= word
        }
        let first = buffer.word(at: range.lowerBound) & lowBytes(min(range.count, 8))
        return (escapes & highBits != 0, combined & highBits == 0, first.byteSwapped)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` that is a control character, a quote or a
    /// backslash, by the usual word tricks ("has a byte less than n", "has a zero byte" after
    /// XOR with a repeated byte). A borrow only marks bytes above a rightly marked one (bytes
    /// are in memory order, the first in the low byte), so "some byte marked" is exact.
    @inline(__always)
    private static func escapeBits(_ word: UInt64) -> UInt64 {
        let control = (word &- ones &* 0x20) & ~word
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        return (control | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & highBits
    }

    /// All bits of the low `count` (1…8) bytes.
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << (8 * UInt64(count))) &- 1
    }

    private static func appendEscape(for byte: UInt8, to output: JSONByteBuffer) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append("u00")
            output.append(hexDigit(byte >> 4))
            output.append(hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
