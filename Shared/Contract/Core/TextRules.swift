import Primitives

/// The limits on free texts every service applies, and the JSON Schemas of texts and identifiers,
/// so the document states exactly what the services check. Identifiers take their length and
/// characters from their `IdentifierKind`, the one rule `Identifier` enforces.
public enum TextRules {
    /// Longest reason of an adjustment, debit or rejection, in characters.
    public static let maximumReasonLength = 500
    /// Longest reward or rule name, or reward category, in characters.
    public static let maximumNameLength = 200

    /// ECMA-262 pattern of a text without control characters (Unicode category Cc).
    public static let noControlCharacters = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    /// ECMA-262 pattern of a text that is not all white space.
    public static let notBlank = "\\S"

    /// An identifier of `Kind`: its length and characters, from the rule `Identifier<Kind>` applies.
    public static func identifierSchema<Kind: IdentifierKind>(_ kind: Kind.Type) -> JSONValue {
        .object([
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(Kind.maxLength)),
            "pattern": .string(Kind.pattern),
            "description": .string("1–\(Kind.maxLength) characters of \(Kind.alphabetDescription)."),
        ])
    }

    /// A label people read, such as a reward category: 1–`maximumNameLength` characters of any
    /// language, no control characters.
    public static var labelSchema: JSONValue {
        .object([
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(maximumNameLength)),
            "pattern": .string(noControlCharacters),
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

    /// The problems of a one-line text in `field`: 1–`maxLength` characters, not all white space,
    /// no control characters (a subject, a name, a title).
    public static func lineProblems(_ text: String, field: String, maxLength: Int) -> [ValidationProblem] {
        if text.count > maxLength || text.trimmed().isEmpty || text.unicodeScalars.contains(where: isControl) {
            return [
                .init(field: field, message: "\(field) must be 1–\(maxLength) characters on one line, not all blank.")
            ]
        }
        return []
    }

    /// The problems of a text in `field` that may span lines: 1–`maxLength` characters, not all
    /// white space, no control characters but line breaks and tabs (a comment, a message).
    public static func textProblems(_ text: String, field: String, maxLength: Int) -> [ValidationProblem] {
        if text.count > maxLength || text.trimmed().isEmpty {
            return [.init(field: field, message: "\(field) must be 1–\(maxLength) characters, not all blank.")]
        }
        if text.unicodeScalars.contains(where: { isControl($0) && !"\n\r\t".unicodeScalars.contains($0) }) {
            return [.init(field: field, message: "\(field) must hold no control characters but line breaks and tabs.")]
        }
        return []
    }

    /// Unicode category Cc: C0, DEL and C1.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
