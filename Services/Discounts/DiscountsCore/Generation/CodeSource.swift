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

    /// The codes of `indices`, sorted by their bytes (SQLite's BINARY order) without repeats:
    /// inserting them in index order keeps the unique index's writes local.
    func candidates(_ indices: Range<Int64>) -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        var codes: [[UInt8]] = []
        codes.reserveCapacity(indices.count)
        for index in indices {
            var code: [UInt8] = []
            code.reserveCapacity(CodeMask.maxCodeLength)
            switch self {
            case .random: RandomCode.append(to: &code, using: &generator)
            case .sequence(let mask): mask.render(sequence: index, using: &generator, into: &code)
            case .keyed(let mask, let permutation): mask.render(key: permutation.permuted(index), into: &code)
            }
            codes.append(code)
        }
        codes.sort { $0.lexicographicallyPrecedes($1) }
        var unique: [[UInt8]] = []
        unique.reserveCapacity(codes.count)
        for code in codes where unique.last != code { unique.append(code) }
        return unique
    }
}
