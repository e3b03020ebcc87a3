/// A cryptographically secure `RandomNumberGenerator` that reads the kernel's source 4 KiB at a
/// time: `SystemRandomNumberGenerator` makes one getrandom(2) call per `next()`, which dominates
/// when a million codes are drawn. The buffer holds bytes not yet handed out; drawn bytes are not
/// kept.
public struct SecureRandomGenerator: RandomNumberGenerator {
    private var buffer: [UInt64] = []
    private var position = 0

    /// Words read per refill.
    static let refillWords = 512

    public init() {}

    public mutating func next() -> UInt64 {
        if position == buffer.count {
            let bytes = SecureRandom.bytes(Self.refillWords * 8)
            buffer = bytes.withUnsafeBytes { raw in
                (0..<Self.refillWords).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
            }
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }
}
