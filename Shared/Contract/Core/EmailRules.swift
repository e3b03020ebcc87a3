/// The one rule of an e-mail address given to the shop: 3–254 characters, one `@` with text on
/// both sides and no white space, and a dot inside the part after it. The schema's pattern says
/// the same, so the document and the check agree.
public enum EmailRules {
    public static let maximumLength = 254
    /// ECMA-262 pattern of the rule.
    public static let pattern =
        "^\(character)+@\(character.dropLast()).]\(character)*\\.\(character)*\(character.dropLast()).]$"
    /// A character of an address: no `@`, white space or control character.
    static let character = "[^@\\s\\u0000-\\u001F]"

    /// The problems of `address` in `field`; empty when it is an address.
    public static func problems(_ address: String, field: String) -> [ValidationProblem] {
        isAddress(address)
            ? [] : [.init(field: field, message: "\(field) must be an e-mail address such as jan@example.pl.")]
    }

    static func isAddress(_ address: String) -> Bool {
        guard (3...maximumLength).contains(address.count),
            !address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty else { return false }
        guard let first = domain.first, let last = domain.last, first != ".", last != "." else { return false }
        return domain.dropFirst().dropLast().contains(".")
    }

    /// The schema of an address.
    public static var schema: JSONValue {
        .object([
            "type": .string("string"), "format": .string("email"), "minLength": .number(3),
            "maxLength": .number(Double(maximumLength)), "pattern": .string(pattern),
        ])
    }
}
