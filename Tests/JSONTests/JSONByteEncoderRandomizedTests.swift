import Foundation
import JSON
import TestValues
import Testing

/// Seeded random trees, encoded through every part of the `Encoder` API, come out of
/// `JSONCoding.encode` byte for byte as out of Foundation's `JSONEncoder`.
struct JSONByteEncoderRandomizedTests {
    @Test func randomTrees_MatchFoundation() {
        for seed: UInt64 in 0..<1500 {
            var values = SampleValues(seed: seed &* 7919)
            let tree = RandomTree.make(&values, depth: Int(seed % 6))
            expectSameJSON(tree)
        }
    }

    @Test func randomTreesInsideSynthesizedTypes_MatchFoundation() {
        for seed: UInt64 in 0..<200 {
            var values = SampleValues(seed: seed)
            let trees = (0..<3).map { _ in RandomTree.make(&values, depth: 3) }
            expectSameJSON(
                Envelope(
                    items: trees.map { TreeItem(tree: $0, at: values.date()) },
                    nextCursor: values.optional { $0.string() }))
        }
    }

    private struct Envelope: Encodable {
        let items: [TreeItem]
        let nextCursor: String?
    }

    private struct TreeItem: Encodable {
        let tree: RandomTree
        let at: Date
    }
}
