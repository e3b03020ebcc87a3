import Testing

@testable import DiscountsCore

/// The keyed permutation that draws distinct keys from a mask's space without remembering them.
struct KeyPermutationTests {
    @Test(arguments: [1, 2, 3, 4, 5, 17, 64, 65, 255, 256, 1000, 4097, 90000])
    func everySize_IsPermutedOntoItself(size: Int) {
        var generator = SystemRandomNumberGenerator()
        let permutation = KeyPermutation(size: Int64(size), using: &generator)
        var seen = [Bool](repeating: false, count: size)
        for index in 0..<size {
            let image = Int(permutation.permuted(Int64(index)))
            #expect(image >= 0 && image < size)
            #expect(!seen[image])
            seen[image] = true
        }
        #expect(seen.allSatisfy { $0 })
    }

    @Test func aLargeSpace_GivesDistinctKeysWithinIt() {
        var generator = SystemRandomNumberGenerator()
        let permutation = KeyPermutation(size: Int64.max, using: &generator)
        let images = (0..<10_000).map { permutation.permuted(Int64($0)) }
        #expect(Set(images).count == 10_000)
        #expect(images.allSatisfy { $0 >= 0 })
    }

    @Test func twoKeys_GiveDifferentOrders() {
        var generator = SystemRandomNumberGenerator()
        let first = KeyPermutation(size: 1_000_000, using: &generator)
        let second = KeyPermutation(size: 1_000_000, using: &generator)
        let a = (0..<20).map { first.permuted(Int64($0)) }
        let b = (0..<20).map { second.permuted(Int64($0)) }
        #expect(a != b)
    }
}
