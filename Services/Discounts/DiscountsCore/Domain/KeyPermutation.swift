/// A keyed pseudo-random permutation of `0 ..< size`: a balanced Feistel network over the
/// smallest even power of two covering `size`, walked until it lands inside the range (cycle
/// walking). Drawing keys `permuted(0)`, `permuted(1)`, … gives distinct keys in random order
/// without remembering which were drawn, so a million codes from a small mask need no set.
/// Not a cipher against an adversary: the secret random key only makes the order unpredictable
/// to someone who sees a few codes.
public struct KeyPermutation: Sendable {
    /// The domain's size.
    public let size: Int64
    /// The round keys: with `size`, all that is needed to rebuild the same permutation.
    public let roundKeys: [UInt64]
    private let halfBits: Int

    /// A permutation of `0 ..< size` under round keys drawn from `generator`.
    public init(size: Int64, using generator: inout some RandomNumberGenerator) {
        self.init(size: size, roundKeys: (0..<Self.rounds).map { _ in generator.next() })
    }

    /// The permutation of `0 ..< size` (≥ 1) under `roundKeys`, as saved from `roundKeys`.
    public init(size: Int64, roundKeys: [UInt64]) {
        precondition(size >= 1 && !roundKeys.isEmpty)
        self.size = size
        self.roundKeys = roundKeys
        var bits = 2
        while bits < 62, (Int64(1) << bits) < size { bits += 2 }
        self.halfBits = bits / 2
    }

    /// The number of Feistel rounds.
    public static let rounds = 6

    /// The image of `index` (0 ..< `size`).
    public func permuted(_ index: Int64) -> Int64 {
        var value = UInt64(index)
        repeat {
            value = encrypt(value)
        } while value >= UInt64(size)
        return Int64(value)
    }

    private func encrypt(_ value: UInt64) -> UInt64 {
        let mask = (UInt64(1) << halfBits) - 1
        var left = value >> halfBits
        var right = value & mask
        for key in roundKeys {
            let next = left ^ (Self.mix(right ^ key) & mask)
            left = right
            right = next
        }
        return (left << halfBits) | right
    }

    /// SplitMix64's finaliser: every input bit reaches every output bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
