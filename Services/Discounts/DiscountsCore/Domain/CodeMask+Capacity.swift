extension CodeMask {
    /// How many codes the mask can give at all: its key space, and for a mask with `<NUM>` only
    /// as many as keep the codes within `maxCodeLength` (the numbers grow wider as they count).
    /// `canYield(n)` holds exactly for `n <= capacity`.
    public var capacity: Int64 {
        guard hasSequence else { return canYield(keySpace) ? keySpace : 0 }
        if canYield(keySpace) { return keySpace }
        // The code length only grows with the count: the largest count that fits is found by
        // bisection over 0 ... keySpace (63 steps at most).
        var low: Int64 = 0
        var high = keySpace
        while low < high {
            // Above `low`, at most `high`; `high - low + 1` could pass Int64.max.
            let middle = low + (high - low) / 2 + 1
            if canYield(middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A GLOB pattern (sqlite.org/lang_expr.html#glob) that every code of the mask matches: the
    /// literals as they are, each `<RAND>` as its width of digits, each `<NUM>` as `*`. Codes
    /// hold only A–Z, 0–9, `-` and `_`, none of them special to GLOB. It may match codes the
    /// mask cannot give (`*` takes anything), never the other way round, so a count of the
    /// shop's codes matching it bounds from above how many of the mask's codes are taken.
    public var shapePattern: String {
        var pattern = ""
        for segment in segments {
            switch segment {
            case .literal(let bytes): pattern += String(decoding: bytes, as: UTF8.self)
            case .random(_, _, let width): pattern += String(repeating: "[0-9]", count: width)
            case .sequence: pattern += "*"
            }
        }
        return pattern
    }

    /// The literal text every code starts with (empty when the mask starts with a placeholder):
    /// the range of the code index a count by `shapePattern` needs to read.
    public var literalPrefix: String {
        guard case .literal(let bytes)? = segments.first else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
}
