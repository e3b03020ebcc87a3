import Contract
import FoundationEssentials
import Glibc
import Primitives

/// Limits on the identifiers and texts the service accepts, so that nothing unbounded or
/// invisible ends up in the database or the history. Identifiers follow the contract's one rule
/// per kind (`IdentifierKind`); this type only words their problems, which the routes answer
/// with a 422 (a path parameter's, with a 400: `InputRules+PathParameters.swift`).
public enum InputRules {
    /// Longest reason, in characters.
    public static let maximumReasonLength = PointsAdjustmentRequest.maximumReasonLength
    /// Longest reward name or category, in characters.
    public static let maximumNameLength = TextRules.maximumNameLength

    /// The problem with an identifier of `kind` in a body field, or nil when it keeps the rule.
    public static func identifierProblem<Kind: IdentifierKind>(
        _ value: String, field: String, kind: Kind.Type
    ) -> LoyaltyValidationProblem? {
        Identifier<Kind>.isValid(value) ? nil : LoyaltyValidationProblem(field: field, message: Kind.rule(for: field))
    }

    /// The problem with a label such as a category, or nil: 1–200 characters, no control
    /// characters. Labels are names people read, not keys, so they may be any language.
    public static func labelProblem(_ value: String, field: String) -> LoyaltyValidationProblem? {
        if value.isEmpty { return LoyaltyValidationProblem(field: field, message: "Must not be empty.") }
        if value.count > maximumNameLength {
            return LoyaltyValidationProblem(field: field, message: "Must be at most \(maximumNameLength) characters.")
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
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
}
