import FoundationEssentials
import Glibc

/// Why a points calculation has no answer. Bad or absurd input ends here, never in a trap.
public enum PointsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The exact result, or a value it is computed from, does not fit a 64-bit integer.
    case overflow
    /// An award built in code breaks the rules decoding enforces (`per` ≤ 0 or `points` < 0).
    case invalidAward(String)
    /// An amount that must not be negative is.
    case negativeAmount(String)
    /// A balance or a sum of points would pass `Int64.max`: refused, not wrapped.
    case balanceOutOfRange

    public var description: String {
        switch self {
        case .overflow: "The points do not fit a 64-bit integer."
        case .invalidAward(let reason): "Invalid award: \(reason)."
        case .negativeAmount(let field): "\(field) must not be negative."
        case .balanceOutOfRange: "The balance would be out of range."
        }
    }
}
