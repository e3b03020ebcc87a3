import FoundationEssentials
import Glibc

/// What a rule gives: a fixed number of points, or points in proportion to the order's value.
/// On the wire an object discriminated by `type`:
/// `{"type":"fixed","points":50}` or
/// `{"type":"proportional","points":1,"per":500,"basis":"net","rounding":"down","roundTo":1}`.
public enum Award: Sendable, Hashable {
    /// The same number of points whatever the order's value.
    case fixed(points: Int64)
    /// `points` for every `per` minor units of eligible value, rounded once at the end.
    case proportional(ProportionalAward)
}

/// "N points for every X of value": value × points / per, rounded by `rounding` to a multiple of
/// `roundTo`. "Value divided by a coefficient c" is points = 100, per = 100 × c.
public struct ProportionalAward: Sendable, Hashable {
    /// Points given for every `per` of value; zero or more.
    public var points: Int64
    /// The amount of value, in minor units, that earns `points`; greater than zero.
    public var per: Int64
    /// Whether the value is taken without VAT (net) or with it (gross).
    public var basis: ValueBasis
    /// How the exact quotient becomes whole points.
    public var rounding: PointsRounding
    /// The multiple the result is rounded to.
    public var roundTo: RoundingStep

    /// Creates a proportional award; `per` must be positive and `points` non-negative.
    public init(points: Int64, per: Int64, basis: ValueBasis, rounding: PointsRounding, roundTo: RoundingStep = .one) {
        self.points = points
        self.per = per
        self.basis = basis
        self.rounding = rounding
        self.roundTo = roundTo
    }
}

/// Which price of the order lines counts as their value: without VAT or with it.
public enum ValueBasis: String, Codable, Sendable, Hashable, CaseIterable {
    /// Without VAT.
    case net
    /// With VAT.
    case gross
}

/// How an exact number of points becomes a whole one.
public enum PointsRounding: String, Codable, Sendable, Hashable, CaseIterable {
    /// Toward zero: only completed amounts count ("dokončených", "zaokrúhliť dolu").
    case down
    /// Away from zero: a started amount counts ("započatých", "zaokrúhliť nahor").
    case up
    /// To the nearest, halves up ("zaokrúhliť na", the school rule).
    case nearest
}

/// The multiple a result is rounded to: whole points or the nearest 10, 100 or 1000.
public enum RoundingStep: Int64, Codable, Sendable, Hashable, CaseIterable {
    case one = 1
    case ten = 10
    case hundred = 100
    case thousand = 1000
}
