import FoundationEssentials
import Glibc

/// One reason why a body that decoded well breaks a rule of the domain; `ValidationFailure`
/// reports a list of them as a 422 with `details`.
public struct ValidationProblem: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The JSON path of the offending field, e.g. `conditions.validTo`.
    public var field: String
    /// A sentence for the caller saying what is wrong.
    public var message: String

    /// Creates a problem for a field.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// The loyalty domain's name for a validation problem.
public typealias LoyaltyValidationProblem = ValidationProblem
