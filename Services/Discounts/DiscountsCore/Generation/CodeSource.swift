import Primitives

/// Where a campaign's codes come from, as candidates numbered 0, 1, 2, …: each index gives at
/// most one code, so a generator that records the next index with each committed batch resumes
/// exactly after a restart, and never draws an index twice.
///
/// - `random`: a code from `RandomCode` per index (the index only counts draws).
/// - `sequence`: a mask with `<NUM>`: index i is the code numbered i; codes of different indices
///   always differ.
/// - `keyed`: a `<RAND>`-only mask: index i is the code at key `permutation.permuted(i)`, so the
///   indices `0 ..< keySpace` cover the mask's whole space once each, in random order.
enum CodeSource: Sendable {
    case random
    case sequence(CodeMask)
    case keyed(CodeMask, KeyPermutation)

    /// The source of a campaign with `mask` (nil: random codes), its permutation drawn anew.
    static func new(mask: CodeMask?) -> CodeSource {
        guard let mask else { return .random }
        if mask.hasSequence { return .sequence(mask) }
        var generator = SystemRandomNumberGenerator()
        return .keyed(mask, KeyPermutation(size: mask.keySpace, using: &generator))
    }

    /// How many indices exist: every index past this gives no code.
    var indexCount: Int64 {
        switch self {
        case .random: Int64.max
        case .sequence(let mask): mask.keySpace
        case .keyed(let mask, _): mask.keySpace
        }
    }

    /// The codes of `indices`, in one batch.
    func candidates(_ indices: Range<Int64>) -> CodeBatch {
        var generator = SecureRandomGenerator()
        var batch = CodeBatch(capacity: indices.count)
        for index in indices {
            batch.append { bytes in
                switch self {
                case .random: RandomCode.append(to: &bytes, using: &generator)
                case .sequence(let mask): mask.render(sequence: index, using: &generator, into: &bytes)
                case .keyed(let mask, let permutation): mask.render(key: permutation.permuted(index), into: &bytes)
                }
            }
        }
        return batch
    }
}
