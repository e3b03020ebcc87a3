/// Compression for FlateDecode streams (ISO 32000-1 §7.4.4): the zlib format (RFC 1950) around
/// one DEFLATE block (RFC 1951) of LZ77 matches over a 32 KiB window, coded with the fixed
/// Huffman codes of §3.2.6. Not the smallest output a dynamic code would give, but a few dozen
/// lines, deterministic, and most of what matters for a font subset whose emptied glyphs leave
/// long runs in `loca` and `hmtx`.
enum Deflate {
    /// `data` compressed, with the zlib header (deflate, 32 KiB window, default level) and the
    /// Adler-32 of `data` after it.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.bytes = [0x78, 0x9C]
        out.bytes.reserveCapacity(data.count / 2 + 16)
        out.write(1, bits: 1)  // BFINAL: the only block
        out.write(1, bits: 2)  // BTYPE 01: fixed Huffman codes
        data.withUnsafeBufferPointer { compress($0, into: &out) }
        out.symbol(256)  // end of block
        out.flush()
        out.bytes.appendBigEndian(adler32(data))
        return out.bytes
    }

    /// Greedy LZ77: at each position the longest match among the last `maxChain` positions that
    /// began with the same three bytes, else a literal.
    private static func compress(_ data: UnsafeBufferPointer<UInt8>, into out: inout BitWriter) {
        let window = 32_768
        let maxChain = 48
        let count = data.count
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: count)
        func hash(_ index: Int) -> Int {
            (Int(data[index]) << 10 ^ Int(data[index + 1]) << 5 ^ Int(data[index + 2])) & 0x7FFF
        }
        func insert(_ index: Int) {
            let key = hash(index)
            previous[index] = head[key]
            head[key] = Int32(index)
        }
        var index = 0
        while index < count {
            var bestLength = 0
            var bestDistance = 0
            if index + 2 < count {
                let longest = min(258, count - index)
                var candidate = Int(head[hash(index)])
                var chain = 0
                while candidate >= 0, index - candidate <= window, chain < maxChain {
                    if data[candidate + bestLength] == data[index + bestLength] {
                        var length = 0
                        while length < longest, data[candidate + length] == data[index + length] { length += 1 }
                        if length > bestLength {
                            bestLength = length
                            bestDistance = index - candidate
                            if length == longest { break }
                        }
                    }
                    candidate = Int(previous[candidate])
                    chain += 1
                }
                insert(index)
            }
            if bestLength >= 3 {
                out.match(length: bestLength, distance: bestDistance)
                for skipped in index + 1..<index + bestLength where skipped + 2 < count { insert(skipped) }
                index += bestLength
            } else {
                out.symbol(Int(data[index]))
                index += 1
            }
        }
    }

    /// RFC 1950 §8.2: two sums modulo 65521, taken every 5552 bytes, before they could overflow.
    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var start = 0
        while start < data.count {
            for byte in data[start..<min(start + 5552, data.count)] {
                a &+= UInt32(byte)
                b &+= a
            }
            a %= 65_521
            b %= 65_521
            start += 5552
        }
        return b << 16 | a
    }
}

/// DEFLATE's bit order: values packed from the least significant bit, Huffman codes from their
/// most significant (RFC 1951 §3.1.1).
private struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    /// Length codes 257…285: the shortest length of each, and its extra bits (§3.2.5).
    static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258,
    ]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distance codes 0…29.
    static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577,
    ]
    static let distanceExtra = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(value) << UInt64(filled)
        filled += bits
        while filled >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            filled -= 8
        }
    }

    /// A Huffman code, most significant bit first.
    mutating func code(_ value: Int, bits: Int) {
        var reversed = 0
        for bit in 0..<bits { reversed |= (value >> bit & 1) << (bits - 1 - bit) }
        write(reversed, bits: bits)
    }

    /// A literal/length symbol in the fixed code (§3.2.6).
    mutating func symbol(_ symbol: Int) {
        switch symbol {
        case 0...143: code(0x30 + symbol, bits: 8)
        case 144...255: code(0x190 + symbol - 144, bits: 9)
        case 256...279: code(symbol - 256, bits: 7)
        default: code(0xC0 + symbol - 280, bits: 8)
        }
    }

    /// A match: its length code and extra bits, then its distance code (5 bits) and extra bits.
    mutating func match(length: Int, distance: Int) {
        let lengthCode = (Self.lengthBases.lastIndex { $0 <= length }) ?? 0
        symbol(257 + lengthCode)
        write(length - Self.lengthBases[lengthCode], bits: Self.lengthExtra[lengthCode])
        let distanceCode = (Self.distanceBases.lastIndex { $0 <= distance }) ?? 0
        code(distanceCode, bits: 5)
        write(distance - Self.distanceBases[distanceCode], bits: Self.distanceExtra[distanceCode])
    }

    /// Pads the last byte with zero bits.
    mutating func flush() {
        if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        filled = 0
    }
}
