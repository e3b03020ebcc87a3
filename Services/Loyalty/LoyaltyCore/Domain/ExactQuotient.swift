import Contract
import FoundationEssentials
import Glibc

/// Rounds the exact rational a × c / d to a multiple of a step, in integers only.
///
/// Every award is such a rational (value × points × k / per, or its requiredAmount twin), and it
/// must be rounded once, exactly: rounding an intermediate or passing through `Double` gets
/// results such as 103.93 / 5 = 20.786 wrong at the edges. Operands are non-negative; a is at
/// most a product of two `Int64`s, and c and d stay far enough below `Int128.max` that the
/// remainder products fit. Any overflow that remains would mean a result beyond `Int64` anyway,
/// and is reported as `PointsError.overflow`.
enum ExactQuotient {
    /// round(a × c / d) to a multiple of `step`; a ≥ 0, c ≥ 0, d > 0, step > 0.
    static func round(
        _ a: Int128,
        times c: Int128,
        over d: Int128,
        rounding: PointsRounding,
        step: Int64 = 1
    ) throws(PointsError) -> Int64 {
        guard a >= 0, c >= 0 else { throw .negativeAmount("value") }
        guard d > 0, step > 0 else { throw .invalidAward("divisor must be positive") }
        // a × c / d = (a / d) × c + (a mod d) × c / d, so a × c itself is never formed.
        let wholePart = try multiply(a / d, c)
        let remainderTimesC = try multiply(a % d, c)
        let quotient = try add(wholePart, remainderTimesC / d)
        let remainder = remainderTimesC % d

        // x = quotient + remainder / d; split x / step into whole units and a fraction over step × d.
        let step = Int128(step)
        var units = quotient / step
        let fractionNumerator = try add(try multiply(quotient % step, d), remainder)
        let fractionDenominator = try multiply(step, d)
        switch rounding {
        case .down:
            break
        case .up:
            if fractionNumerator > 0 { units += 1 }
        case .nearest:
            // Half up: a fraction of exactly one half goes to the larger multiple.
            if try multiply(fractionNumerator, 2) >= fractionDenominator { units += 1 }
        }
        let result = try multiply(units, step)
        guard let points = Int64(exactly: result) else { throw .overflow }
        return points
    }

    static func multiply(_ x: Int128, _ y: Int128) throws(PointsError) -> Int128 {
        let (product, overflow) = x.multipliedReportingOverflow(by: y)
        if overflow { throw .overflow }
        return product
    }

    static func add(_ x: Int128, _ y: Int128) throws(PointsError) -> Int128 {
        let (sum, overflow) = x.addingReportingOverflow(y)
        if overflow { throw .overflow }
        return sum
    }
}
