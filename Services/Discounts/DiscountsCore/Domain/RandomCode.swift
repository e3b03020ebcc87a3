/// Codes for campaigns without a mask: `length` characters from an alphabet without look-alikes
/// (no 0/O, no 1/I/L), drawn from the system's cryptographic source. 31 letters and 12
/// characters give 31^12 ≈ 7.9 × 10^17 codes, so guessing one of a million takes ~10^12 tries.
public enum RandomCode {
    /// The characters a random code is made of.
    public static let alphabet: [UInt8] = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789".utf8)
    /// The length of a random code.
    public static let length = 12

    /// Appends one code to `buffer`.
    public static func append(
        to buffer: inout [UInt8], using generator: inout some RandomNumberGenerator
    ) {
        for _ in 0..<length {
            buffer.append(alphabet[Int(UInt8.random(in: 0..<UInt8(alphabet.count), using: &generator))])
        }
    }

    /// The system's cryptographic source (`getrandom(2)` on Linux).
    public static func systemGenerator() -> SystemRandomNumberGenerator { SystemRandomNumberGenerator() }
}
