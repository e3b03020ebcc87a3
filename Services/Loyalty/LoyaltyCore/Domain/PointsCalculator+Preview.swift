import Contract

extension PointsCalculator {
    /// The points `award` gives on an order whose eligible value is `orderValue` (minor units)
    /// for a customer with coefficient k, conditions aside: what the panel previews while the
    /// admin edits a rule. The same arithmetic as an order's award (`fixedPoints`,
    /// `proportionalPoints`), so the preview cannot promise other points than an order earns.
    public static func points(
        of award: Award, orderValue: Int64, coefficient: Coefficient, target: CoefficientTarget
    ) throws(PointsError) -> Int64 {
        switch award {
        case .fixed(let fixed):
            try fixedPoints(fixed, coefficient: coefficient, target: target)
        case .proportional(let proportional):
            try proportionalPoints(proportional, value: orderValue, coefficient: coefficient, target: target)
        }
    }
}
