import Primitives

/// Text that is not a valid identifier of the kind a field takes: which field, and the rule.
/// The HTTP layer answers it with 422 `invalid_identifier` naming the field.
public struct InvalidIdentifier: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field as clients name it: `customerId`, `lines[2].productId`.
    public var field: String
    /// The rule it broke, as a sentence.
    public var message: String

    /// Creates the error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }

    /// A coding path as clients read it: `buyer.name`, `lines[2].quantity`.
    public static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        DecodingText.path(codingPath)
    }
}
