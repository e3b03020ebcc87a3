/// JSON numbers exactly as `JSONEncoder` writes them: integers of every width as their decimal
/// `description`, and floating-point values as their shortest round-tripping `description`
/// with a trailing `.0` dropped (`1.0` → `1`, `0.1` → `0.1`, `1e-05`, `1e+20`).
/// NaN and the infinities have no JSON form (RFC 8259 §6): writing one is an error.
enum JSONNumberFormatting {
    /// Appends the decimal digits of `value`, with a leading `-` when negative.
    static func appendInteger<Integer: FixedWidthInteger>(_ value: Integer, to output: inout [UInt8]) {
        guard Integer.bitWidth <= 64 else {
            // 128-bit integers are rare enough to go through their description.
            output.append(contentsOf: value.description.utf8)
            return
        }
        if Integer.isSigned, value < 0 { output.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(truncatingIfNeeded: value.magnitude), to: &output)
    }

    /// Appends the decimal digits of `magnitude`.
    static func appendDigits(_ magnitude: UInt64, to output: inout [UInt8]) {
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude))
            return
        }
        // UInt64.max has 20 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var rest = magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// Appends a finite `value`; returns false, appending nothing, for NaN and the infinities.
    static func appendFloatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Float, to output: inout [UInt8]
    ) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        output.append(contentsOf: text.utf8)
        return true
    }
}
