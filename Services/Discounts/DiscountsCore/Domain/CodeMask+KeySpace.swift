extension CodeMask {
    /// How many distinct codes the mask can give: for a mask with `<NUM>`, as many as the sequence
    /// can count before it passes `Int64.max`; otherwise the product of its `<RAND>` ranges.
    /// Computed with checked arithmetic; a space larger than `Int64.max` is reported as `Int64.max`.
    public var keySpace: Int64 {
        if hasSequence { return Int64.max - largestSequenceStart }
        return randomSpace ?? Int64.max
    }

    /// The product of the `<RAND>` ranges' sizes, or nil when it passes `Int64.max`.
    var randomSpace: Int64? {
        var product: Int64 = 1
        for segment in segments {
            guard case .random(let low, let high, _) = segment else { continue }
            // high ≤ 10^18 and low ≥ 0, so the size cannot overflow; the product can.
            let (next, overflow) = product.multipliedReportingOverflow(by: high - low + 1)
            if overflow { return nil }
            product = next
        }
        return product
    }

    /// The length of the longest of the first `count` codes: literals and `<RAND>` widths are
    /// fixed, a `<NUM>` is as wide as its last number. Nil when that number passes `Int64.max`.
    public func codeLength(forCount count: Int64) -> Int? {
        var length = 0
        for segment in segments {
            switch segment {
            case .literal(let bytes): length += bytes.count
            case .random(_, _, let width): length += width
            case .sequence(let start):
                let (last, overflow) = start.addingReportingOverflow(Swift.max(count, 1) - 1)
                if overflow { return nil }
                length += Self.decimalWidth(last)
            }
        }
        return length
    }

    /// The length of the first code.
    var longestCodeLength: Int { codeLength(forCount: 1) ?? Int.max }

    /// Whether `count` codes fit the mask: enough keys, and none longer than `maxCodeLength`.
    public func canYield(_ count: Int64) -> Bool {
        guard count >= 0, count <= keySpace, let length = codeLength(forCount: count) else { return false }
        return length <= Self.maxCodeLength
    }
}
