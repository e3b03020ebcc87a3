/// A shop identifier (customer id, product id, order number, code) that is compared byte by
/// byte, the way SQLite compares keys, and that holds only what its kind allows.
///
/// `String ==` treats canonically equivalent text as equal (`"\u{212A}evin" == "Kevin"`), which
/// SQLite does not; a customer id kept as a `String` could therefore pass an ownership check for
/// another customer's row. This type has no other equality than its bytes, and cannot be made
/// from text that breaks `Kind`'s rule: decoding such text from JSON throws `InvalidIdentifier`
/// naming the field, and `init?(_:)` (path parameters, token subjects, header fields) is nil.
///
/// ```swift
/// guard let id = CustomerId("c-42") else { … }   // from untrusted text
/// let fixed: CustomerId = "c-42"                  // a literal in code: checked when it runs
/// ```
public struct Identifier<Kind: IdentifierKind>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible, ExpressibleByStringLiteral
{
    /// The identifier's text; ASCII only, so its characters are its bytes.
    public let text: String

    /// The identifier `text`, or nil when it breaks `Kind`'s rule.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text
    }

    /// The identifier `text`, or an `InvalidIdentifier` naming `field`.
    public init(validating text: String, field: String = Kind.name) throws(InvalidIdentifier) {
        guard let valid = Self(text) else { throw InvalidIdentifier(field: field, message: Kind.rule(for: field)) }
        self = valid
    }

    /// A literal in code; one that breaks the rule is a programming error and stops the process.
    public init(stringLiteral text: String) {
        guard let valid = Self(text) else { preconditionFailure("\(Kind.rule): \(text.debugDescription)") }
        self = valid
    }

    /// Whether `text` is 1…`Kind.maxLength` bytes, each allowed by `Kind`.
    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        return (1...Kind.maxLength).contains(bytes.count) && bytes.allSatisfy(Kind.allows)
    }

    public var description: String { text }

    // MARK: - Byte-wise comparison

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    public func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
        hasher.combine(text.utf8.count)
    }

    /// Whether one of `texts` is this identifier, byte for byte (for lists kept as text, such as
    /// a program's product ids).
    public func isAmong(_ texts: some Sequence<String>) -> Bool {
        texts.contains { $0.utf8.elementsEqual(text.utf8) }
    }

    /// Byte order, as SQLite's `BINARY` collation sorts keys.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }

    // MARK: - JSON: a string, checked when decoded

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let path = InvalidIdentifier.fieldPath(decoder.codingPath)
        self = try Self(validating: text, field: path.isEmpty ? Kind.name : path)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
