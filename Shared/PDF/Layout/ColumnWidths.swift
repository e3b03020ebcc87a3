/// How a table shares the page's width among its columns.
enum ColumnWidths {
    /// Widths adding up to `total`: each column's natural width (its widest line plus `padding`)
    /// when they all fit, spread out in proportion; otherwise every column first gets up to an
    /// equal share, and what is left goes to the columns that want more, in proportion to how
    /// much more they want.
    static func fit(natural: [Double], total: Double, padding: Double) -> [Double] {
        guard !natural.isEmpty else { return [] }
        let wanted = natural.map { $0 + padding }
        let sum = wanted.reduce(0, +)
        if sum <= total {
            return wanted.map { sum > 0 ? $0 * total / sum : total / Double(wanted.count) }
        }
        let share = total / Double(wanted.count)
        let base = wanted.map { min($0, share) }
        let left = total - base.reduce(0, +)
        let excess = zip(wanted, base).map { $0 - $1 }
        let excessSum = excess.reduce(0, +)
        return zip(base, excess).map { $0 + (excessSum > 0 ? left * $1 / excessSum : 0) }
    }
}
