import Primitives
import Testing

@testable import DiscountsCore

/// Codes without a mask: long enough, from an alphabet without look-alikes.
struct RandomCodeTests {
    @Test func theAlphabet_HasNoLookAlikes() {
        for lookAlike in "0O1IL".utf8 {
            #expect(!RandomCode.alphabet.contains(lookAlike))
        }
        #expect(Set(RandomCode.alphabet).count == RandomCode.alphabet.count)
    }

    @Test func codes_AreTwelveCharactersOfTheAlphabet_AndDoNotRepeat() {
        var generator = SecureRandomGenerator()
        var codes = Set<[UInt8]>()
        for _ in 0..<10_000 {
            var buffer: [UInt8] = []
            RandomCode.append(to: &buffer, using: &generator)
            #expect(buffer.count == 12)
            #expect(buffer.allSatisfy { RandomCode.alphabet.contains($0) })
            codes.insert(buffer)
        }
        #expect(codes.count == 10_000)
    }

    @Test func everyCharacter_IsAboutEquallyLikely() {
        var generator = SecureRandomGenerator()
        var counts = [Int](repeating: 0, count: 256)
        for _ in 0..<50_000 {
            var buffer: [UInt8] = []
            RandomCode.append(to: &buffer, using: &generator)
            for byte in buffer { counts[Int(byte)] += 1 }
        }
        // 600,000 characters over 31 letters: 19,355 each; a bias of one letter in 248 bytes
        // (the rejected tail) would shift some counts by ~3%, far outside ±1,000 (7 σ ≈ 960).
        for letter in RandomCode.alphabet {
            #expect(abs(counts[Int(letter)] - 19_355) < 1_000)
        }
    }
}
