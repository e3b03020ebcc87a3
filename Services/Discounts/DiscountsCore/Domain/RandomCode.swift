/// Codes for campaigns without a mask: `length` characters from an alphabet without look-alikes
/// (no 0/O, no 1/I/L), drawn from the system's cryptographic source. 31 letters and 12
/// characters give 31^12 ≈ 7.9 × 10^17 codes, so guessing one of a million takes ~10^12 tries.
public enum RandomCode {
    /// The characters a random code is made of.
    public static let alphabet: [UInt8] = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789".utf8)
    /// The length of a random code.
    public static let length = 12

    /// Appends one code to `buffer`. Each character takes one random byte below 248 (8 × 31), so
    /// every character of the alphabet is equally likely; bytes from 248 up are skipped.
    public static func append(
        to buffer: inout [UInt8], using generator: inout some RandomNumberGenerator
    ) {
        var written = 0
        while written < length {
            var word = generator.next()
            for _ in 0..<8 where written < length {
                let byte = UInt8(truncatingIfNeeded: word)
                word >>= 8
                guard byte < acceptedBelow else { continue }
                buffer.append(alphabet[Int(byte % UInt8(alphabet.count))])
                written += 1
            }
        }
    }

    /// The largest multiple of the alphabet's size that a byte can hold.
    static let acceptedBelow = UInt8(256 / alphabet.count * alphabet.count)
}
