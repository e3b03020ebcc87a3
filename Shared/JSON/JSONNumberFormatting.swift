/// JSON numbers exactly as `JSONEncoder` writes them: integers of every width as their decimal
/// `description`, floating-point values as their shortest round-tripping `description` with a
/// trailing `.0` dropped (`1.0` → `1`, `0.1` → `0.1`, `1e-05`, `1e+20`), and `Decimal` as its
/// `description`. NaN and the infinities have no JSON form (RFC 8259 §6): writing one is an error.
enum JSONNumberFormatting {
    /// Appends the decimal digits of `value`, with a leading `-` when negative.
    static func appendInteger(_ value: Int64, to output: JSONByteBuffer) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        appendInteger(value.magnitude, to: output)
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: UInt64, to output: JSONByteBuffer) {
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        var digits = 2
        var limit: UInt64 = 100
        while digits < 20, value >= limit {
            digits += 1
            limit = limit &* 10
        }
        output.appendWriting(upTo: digits) { buffer in
            var rest = value
            for index in stride(from: digits - 1, through: 0, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            return digits
        }
    }

    /// Appends an integer of any width (arrays of integers, 128-bit integers).
    static func appendAnyInteger<Integer: FixedWidthInteger>(_ value: Integer, to output: JSONByteBuffer) {
        if Integer.bitWidth > 64 {
            appendText(value.description, to: output)
        } else if Integer.isSigned {
            appendInteger(Int64(truncatingIfNeeded: value), to: output)
        } else {
            appendInteger(UInt64(truncatingIfNeeded: value), to: output)
        }
    }

    /// Appends a finite `value`; returns false, appending nothing, for NaN and the infinities.
    static func appendFloatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Float, to output: JSONByteBuffer
    ) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendText(text, to: output)
        return true
    }

    /// Appends text known to need no escaping (digits, signs, points, exponents).
    static func appendText(_ text: String, to output: JSONByteBuffer) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { output.append($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { output.append($0) } }
    }
}
