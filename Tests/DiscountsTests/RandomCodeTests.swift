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
        var generator = RandomCode.systemGenerator()
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
}
