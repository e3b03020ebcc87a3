/// A streaming SHA-256 hash (FIPS 180-4 §6.2).
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(Array("ab".utf8))
/// hasher.update(Array("c".utf8))
/// let digest = hasher.finalize() // 32 bytes
/// ```
///
/// `update` copies input into one fixed 64-byte block buffer and compresses whole blocks straight
/// from contiguous input where it can, so hashing never allocates per byte or per block.
public struct SHA256 {
    /// The digest size in bytes.
    public static let digestCount = 32
    /// The block size in bytes; HMAC needs it (RFC 2104 §2, B = 64).
    public static let blockCount = 64

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    private var block: [UInt8]
    private var blockFill = 0
    /// Total message length in bytes; the padding encodes it in bits modulo 2^64 (FIPS 180-4 §5.1.1).
    private var byteCount: UInt64 = 0
    private var finalized: [UInt8]?

    /// Creates a hasher in the FIPS 180-4 §5.3.3 initial state.
    public init() {
        state = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
            0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        block = [UInt8](repeating: 0, count: Self.blockCount)
    }

    /// Hashes `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Feeds more message bytes; may be called any number of times before `finalize`.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        precondition(finalized == nil, "SHA256.update called after finalize")
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            self.absorb(UnsafeRawBufferPointer(buffer))
        }
        if handled != nil { return }
        // Non-contiguous input (e.g. a lazy map): stream it through the block buffer.
        for byte in bytes {
            block[blockFill] = byte
            blockFill += 1
            byteCount &+= 1
            if blockFill == Self.blockCount {
                flushBlock()
            }
        }
    }

    /// Feeds the UTF-8 bytes of a string.
    public mutating func update(_ string: String) {
        var copy = string
        copy.withUTF8 { self.absorb(UnsafeRawBufferPointer($0)) }
    }

    /// Pads the message and returns the 32-byte digest; later calls return the same digest.
    public mutating func finalize() -> [UInt8] {
        if let finalized { return finalized }
        let bitLength = byteCount &* 8
        // Padding: a 1 bit, zeros up to 56 mod 64, then the 64-bit big-endian length (§5.1.1).
        block[blockFill] = 0x80
        blockFill += 1
        if blockFill > 56 {
            for index in blockFill..<Self.blockCount { block[index] = 0 }
            flushBlock()
        }
        for index in blockFill..<56 { block[index] = 0 }
        for index in 0..<8 {
            block[56 + index] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * UInt64(index)))
        }
        flushBlock()
        var digest = [UInt8](repeating: 0, count: Self.digestCount)
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        for (index, word) in words.enumerated() {
            digest[4 * index] = UInt8(truncatingIfNeeded: word >> 24)
            digest[4 * index + 1] = UInt8(truncatingIfNeeded: word >> 16)
            digest[4 * index + 2] = UInt8(truncatingIfNeeded: word >> 8)
            digest[4 * index + 3] = UInt8(truncatingIfNeeded: word)
        }
        finalized = digest
        return digest
    }

    // MARK: - Blocks

    private mutating func absorb(_ input: UnsafeRawBufferPointer) {
        byteCount &+= UInt64(input.count)
        var offset = 0
        // Top up a partly filled block first.
        if blockFill > 0 {
            let take = min(Self.blockCount - blockFill, input.count)
            for index in 0..<take { block[blockFill + index] = input[index] }
            blockFill += take
            offset = take
            if blockFill < Self.blockCount { return }
            flushBlock()
        }
        // Whole blocks straight from the input, without copying.
        while input.count - offset >= Self.blockCount {
            Self.compress(&state, UnsafeRawBufferPointer(rebasing: input[offset..<offset + Self.blockCount]))
            offset += Self.blockCount
        }
        for index in offset..<input.count { block[index - offset] = input[index] }
        blockFill = input.count - offset
    }

    private mutating func flushBlock() {
        block.withUnsafeBytes { Self.compress(&state, $0) }
        blockFill = 0
    }

    /// One application of the compression function to a 64-byte block (FIPS 180-4 §6.2.2).
    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ chunk: UnsafeRawBufferPointer
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] =
                    UInt32(chunk[4 * t]) << 24 | UInt32(chunk[4 * t + 1]) << 16
                    | UInt32(chunk[4 * t + 2]) << 8 | UInt32(chunk[4 * t + 3])
            }
            for t in 16..<64 {
                let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            roundConstants.withUnsafeBufferPointer { k in
                for t in 0..<64 {
                    let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let choose = (e & f) ^ (~e & g)
                    let t1 = h &+ sigma1 &+ choose &+ k[t] &+ w[t]
                    let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = sigma0 &+ majority
                    h = g
                    g = f
                    f = e
                    e = d &+ t1
                    d = c
                    c = b
                    b = a
                    a = t1 &+ t2
                }
            }
            state.0 &+= a
            state.1 &+= b
            state.2 &+= c
            state.3 &+= d
            state.4 &+= e
            state.5 &+= f
            state.6 &+= g
            state.7 &+= h
        }
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 - n))
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (§4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
