extension CodeMask {
    /// Appends the code numbered `sequence` (0 for the first) to `buffer`, drawing each `<RAND>`
    /// from `generator`. For a mask with `<NUM>`, codes of different `sequence` always differ.
    /// The caller keeps `sequence` within `keySpace`.
    public func render(
        sequence: Int64, using generator: inout some RandomNumberGenerator, into buffer: inout [UInt8]
    ) {
        for segment in segments {
            switch segment {
            case .literal(let bytes): buffer.append(contentsOf: bytes)
            case .sequence(let start): Self.appendDecimal(start + sequence, width: 0, to: &buffer)
            case .random(let low, let high, let width):
                Self.appendDecimal(Int64.random(in: low...high, using: &generator), width: width, to: &buffer)
            }
        }
    }

    /// Appends the code at `key` of the mask's `<RAND>` space (0 ..< `keySpace`, mixed radix with
    /// the last placeholder varying fastest) to `buffer`. Distinct keys give distinct codes, which
    /// lets a generator draw codes without repeats by permuting keys. Only for masks without
    /// `<NUM>`.
    public func render(key: Int64, into buffer: inout [UInt8]) {
        var digits: [Int64] = []
        var rest = key
        for segment in segments.reversed() {
            guard case .random(let low, let high, _) = segment else { continue }
            let size = high - low + 1
            digits.append(low + rest % size)
            rest /= size
        }
        for segment in segments {
            switch segment {
            case .literal(let bytes): buffer.append(contentsOf: bytes)
            case .sequence: break
            case .random(_, _, let width): Self.appendDecimal(digits.removeLast(), width: width, to: &buffer)
            }
        }
    }

    /// Writes non-negative `value` in decimal, zero-padded to `width`.
    static func appendDecimal(_ value: Int64, width: Int, to buffer: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 19 digits
        withUnsafeMutableBytes(of: &scratch) { digits in
            var count = 0
            var rest = value
            repeat {
                digits[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for _ in count..<Swift.max(width, count) { buffer.append(UInt8(ascii: "0")) }
            buffer.append(contentsOf: digits[(24 - count)...])
        }
    }
}
