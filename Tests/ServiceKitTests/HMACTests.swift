import Primitives
import ServiceKit
import Testing

@Suite struct HMACTests {
    /// One RFC 4231 §4 test case; `expected` is the full or truncated HMAC-SHA-256 in hex.
    struct Vector: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: [UInt8]
        let data: [UInt8]
        let expected: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let largeKey = [UInt8](repeating: 0xaa, count: 131)

    static let vectors: [Vector] = [
        Vector(
            number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(
            number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
            expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(
            number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(
            number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
            expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // Case 5 publishes only the first 128 bits of the output.
        Vector(
            number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
            expected: "a3b6167473100ee06e0c796c2955552b"),
        Vector(
            number: 6, key: largeKey,
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(
            number: 7, key: largeKey,
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: vectors)
    func sha256_MatchesRFC4231(_ vector: Vector) {
        let mac = HMAC.sha256(key: vector.key, message: vector.data)
        #expect(mac.count == 32)
        #expect(Array(mac.prefix(vector.expected.count / 2)).hexDigits == vector.expected)
    }

    @Test func sha256_TreatsAKeyOfExactlyOneBlock_WithoutHashingIt() {
        // B = 64 is the boundary of RFC 2104's "hash long keys" rule; a 64-byte key is used as is,
        // so it must differ from using its hash as the key.
        let key = [UInt8](repeating: 0x42, count: 64)
        let message = Array("boundary".utf8)
        #expect(HMAC.sha256(key: key, message: message) != HMAC.sha256(key: SHA256.hash(key), message: message))
        let longKey = [UInt8](repeating: 0x42, count: 65)
        #expect(HMAC.sha256(key: longKey, message: message) == HMAC.sha256(key: SHA256.hash(longKey), message: message))
    }
}

@Suite struct ConstantTimeTests {
    @Test func constantTimeEquals_IsTrue_ForEqualBytes() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(constantTimeEquals([UInt8](), []))
    }

    @Test func constantTimeEquals_IsFalse_WhenAnyByteDiffers() {
        let base = [UInt8](repeating: 7, count: 32)
        for index in base.indices {
            var other = base
            other[index] ^= 0x01
            #expect(!constantTimeEquals(base, other), "index \(index)")
        }
    }

    @Test func constantTimeEquals_IsFalse_ForDifferentLengths() {
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([], [0]))
    }

    @Test func constantTimeEquals_ComparesStringsByUTF8Bytes() {
        #expect(constantTimeEquals("żółw", "żółw"))
        #expect(!constantTimeEquals("żółw", "zolw"))
        #expect(!constantTimeEquals("abc", "abd"))
    }
}
