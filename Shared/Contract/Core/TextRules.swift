/// The limits on identifiers and free texts every service applies, and their JSON Schemas, so the
/// document states exactly what the services check.
public enum TextRules {
    /// Longest customer, product, review, order or debit id, in characters.
    public static let maximumIdentifierLength = 200
    /// Longest reason of an adjustment, debit or rejection, in characters.
    public static let maximumReasonLength = 500
    /// Longest reward or rule name, in characters.
    public static let maximumNameLength = 200

    /// ECMA-262 pattern of a text without control characters (Unicode category Cc).
    public static let noControlCharacters = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    /// ECMA-262 pattern of a text that is not all white space.
    public static let notBlank = "\\S"

    /// An identifier: 1–200 characters, no control characters.
    public static var identifierSchema: JSONValue {
        .object([
            "type": .string("string"), "minLength": .number(1),
            "maxLength": .number(Double(maximumIdentifierLength)), "pattern": .string(noControlCharacters),
        ])
    }

    /// A text of 1–`maxLength` characters that is not all white space.
    public static func textSchema(maxLength: Int, description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(maxLength)),
            "pattern": .string(notBlank),
        ]
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }
}
