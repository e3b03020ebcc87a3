import FoundationEssentials
import Glibc

/// `POST /v1/rules/preview`: what an award gives for an example order value, computed by the
/// same arithmetic that credits real orders, so a rule can be tried before it is saved.
public struct AwardPreviewRequest: Codable, Sendable, Hashable {
    /// The award being edited.
    public var award: Award
    /// The example order's eligible value in minor units (net or gross as the award's basis says).
    public var orderValue: Int64
    /// The customer's coefficient to try; 1 when left out.
    public var coefficient: Coefficient?

    /// Creates the request.
    public init(award: Award, orderValue: Int64, coefficient: Coefficient? = nil) {
        self.award = award
        self.orderValue = orderValue
        self.coefficient = coefficient
    }
}

/// The answer to an award preview.
public struct AwardPreview: Codable, Sendable, Hashable {
    /// The whole points the award gives, rounded as it says.
    public var points: Int64

    /// Creates the answer.
    public init(points: Int64) {
        self.points = points
    }
}
