import Contract
import FoundationEssentials
import Glibc
import HTTP

/// Limits on the identifiers and texts the service accepts, so that nothing unbounded or
/// invisible ends up in the database or the history.
public enum InputRules {
    /// Longest customer, product, review, order or debit id, in characters.
    public static let maximumIdentifierLength = TextRules.maximumIdentifierLength
    /// Longest reason, in characters.
    public static let maximumReasonLength = PointsAdjustmentRequest.maximumReasonLength
    /// Longest reward name, in characters.
    public static let maximumNameLength = TextRules.maximumNameLength

    /// The problem with an identifier in a body field, or nil when it is fine: 1–200
    /// characters, no control characters.
    public static func identifierProblem(_ value: String, field: String) -> LoyaltyValidationProblem? {
        if value.isEmpty { return LoyaltyValidationProblem(field: field, message: "Must not be empty.") }
        if value.count > maximumIdentifierLength {
            return LoyaltyValidationProblem(
                field: field, message: "Must be at most \(maximumIdentifierLength) characters.")
        }
        if hasControlCharacters(value) {
            return LoyaltyValidationProblem(field: field, message: "Must not contain control characters.")
        }
        return nil
    }

    /// The problem with a reason or name, or nil: 1–`limit` characters that are not all blank.
    public static func textProblem(_ value: String, field: String, limit: Int) -> LoyaltyValidationProblem? {
        if value.trimmed().isEmpty {
            return LoyaltyValidationProblem(field: field, message: "Must not be empty.")
        }
        if value.count > limit {
            return LoyaltyValidationProblem(field: field, message: "Must be at most \(limit) characters.")
        }
        return nil
    }

    /// A path parameter read as an identifier; a bad one is a 400 naming it.
    public static func pathIdentifier(_ parameters: PathParameters, _ name: String) throws(HTTPError) -> String {
        let value = try parameters.require(name, as: String.self)
        guard identifierProblem(value, field: name) == nil else {
            throw HTTPError.badRequest(
                "Path parameter '\(name)' must be 1–\(maximumIdentifierLength) characters without control characters.",
                code: "invalid_parameter", details: ["parameter": .string(name)]
            )
        }
        return value
    }

    private static func hasControlCharacters(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
