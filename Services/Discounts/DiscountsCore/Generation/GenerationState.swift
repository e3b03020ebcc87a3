import FoundationEssentials
import Store

/// A campaign's generation progress as stored in its row.
struct GenerationState: Equatable {
    var count: Int64
    var generated: Int64
    var nextIndex: Int64
    var isGenerating: Bool
    var mask: String?
    var permutationKeys: [UInt8]?

    /// The state of campaign `id`, or nil when there is no such campaign.
    static func load(_ id: Int64, in connection: Connection) throws -> GenerationState? {
        try connection.queryOne(
            "SELECT code_count, generated, next_index, status, mask, permutation_keys FROM campaigns WHERE id = ?", id
        ).map { row in
            GenerationState(
                count: try row.get("code_count"), generated: try row.get("generated"),
                nextIndex: try row.get("next_index"),
                isGenerating: try row.get("status", as: String.self) == "generating",
                mask: try row.get("mask"), permutationKeys: try row.get("permutation_keys"))
        }
    }

    /// The campaign's code source, its permutation rebuilt from the saved round keys.
    func source() throws -> CodeSource {
        guard let mask else { return .random }
        let parsed = try CodeMask.parse(mask)
        if parsed.hasSequence { return .sequence(parsed) }
        guard let permutationKeys, permutationKeys.count == 8 * KeyPermutation.rounds else {
            throw GenerationStateError("campaign row lacks its permutation keys")
        }
        return .keyed(parsed, KeyPermutation(size: parsed.keySpace, roundKeys: Self.words(permutationKeys)))
    }

    /// Round keys as the 8-byte little-endian words stored in `permutation_keys`.
    static func bytes(_ keys: [UInt64]) -> [UInt8] {
        keys.flatMap { key in (0..<8).map { UInt8(truncatingIfNeeded: key >> (8 * $0)) } }
    }

    static func words(_ bytes: [UInt8]) -> [UInt64] {
        stride(from: 0, to: bytes.count, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { word, offset in word | UInt64(bytes[start + offset]) << (8 * offset) }
        }
    }
}

/// A campaign row that cannot be generated from (a bug or a hand-edited database).
struct GenerationStateError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
