import Primitives
import TestValues
import Testing

@Suite struct SHA256Tests {
    // MARK: - FIPS 180-4 / NIST example vectors

    @Test func hash_MatchesNISTVector_ForAbc() {
        #expect(
            SHA256.hash(Array("abc".utf8)).hexDigits
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hash_MatchesNISTVector_ForEmptyMessage() {
        #expect(
            SHA256.hash([]).hexDigits
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hash_MatchesNISTVector_For448BitMessage() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(
            SHA256.hash(message).hexDigits
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func hash_MatchesNISTVector_For896BitMessage() {
        let message = Array(
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                + "klmnopqrlmnopqrsmnopqrstnopqrstu").utf8)
        #expect(
            SHA256.hash(message).hexDigits
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func hash_MatchesNISTVector_ForOneMillionLetterA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hexDigits == expected)

        // The same million fed in 1,000 chunks through the streaming path.
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalize().hexDigits == expected)
    }

    // MARK: - Streaming

    @Test func update_GivesOneShotDigest_ForRandomSplits() {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<200 {
            let length = Int.random(in: 0..<300, using: &generator)
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var hasher = SHA256()
            var start = 0
            while start < length {
                let end = min(length, start + Int.random(in: 0...70, using: &generator))
                hasher.update(message[start..<end])
                start = end
            }
            #expect(hasher.finalize() == SHA256.hash(message), "length \(length)")
        }
    }

    @Test func update_GivesOneShotDigest_ForNonContiguousInput() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        var hasher = SHA256()
        hasher.update(message.lazy.map { $0 })
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    @Test func update_AcceptsStrings_AsTheirUTF8Bytes() {
        var hasher = SHA256()
        hasher.update("zażółć gęślą jaźń")
        #expect(hasher.finalize() == SHA256.hash(Array("zażółć gęślą jaźń".utf8)))
    }

    @Test func hash_HandlesEveryLengthAroundTheBlockBoundary() {
        // Lengths 55, 56 and 64 decide whether padding needs an extra block (FIPS 180-4 §5.1.1);
        // byte-at-a-time feeding must agree with one-shot at each of them.
        for length in 50...130 {
            let message = [UInt8](repeating: 0x61, count: length)
            var hasher = SHA256()
            for byte in message { hasher.update(CollectionOfOne(byte)) }
            #expect(hasher.finalize() == SHA256.hash(message), "length \(length)")
        }
        #expect(
            SHA256.hash([UInt8](repeating: 0x61, count: 55)).hexDigits
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hash([UInt8](repeating: 0x61, count: 56)).hexDigits
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }

    @Test func finalize_ReturnsTheSameDigest_WhenCalledTwice() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalize() == hasher.finalize())
    }
}
