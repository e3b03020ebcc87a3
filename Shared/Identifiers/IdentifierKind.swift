/// What one kind of shop identifier may be: the one definition of each identifier's length and
/// characters, shared by the gateway (tokens, orders) and every service.
///
/// The alphabet is visible ASCII, `!` (0x21) to `~` (0x7E): letters, digits and punctuation, no
/// space, no control characters and nothing outside ASCII. Identifiers are opaque keys that the
/// storefront makes up (`c-42`, `SKU/123`, `2026/11/0042`), and keys are compared byte by byte in
/// SQLite; Unicode would bring text that reads the same but differs in bytes (KELVIN SIGN and
/// `K`, `é` composed or as `e` plus a combining accent, fullwidth letters, Cyrillic `а`, zero-width
/// joiners). Swift's `String ==` calls some of those equal and SQLite does not, which let one
/// customer's token reach another's account. Normalising (NFC) would not remove lookalikes that
/// are different letters (Cyrillic `а`), so ASCII is the rule: in ASCII every character has one
/// spelling, and equal text is equal bytes.
public protocol IdentifierKind: Sendable {
    /// How messages name it: "customerId".
    static var name: String { get }
    /// Most UTF-8 bytes (= characters, the alphabet being ASCII).
    static var maxLength: Int { get }
    /// Whether `byte` may appear in it; visible ASCII unless the kind is narrower.
    static func allows(_ byte: UInt8) -> Bool
    /// The allowed characters, in words, for error messages and documentation.
    static var alphabetDescription: String { get }
    /// The allowed characters as a regular-expression class, for the OpenAPI `pattern`.
    static var patternClass: String { get }
}

extension IdentifierKind {
    public static func allows(_ byte: UInt8) -> Bool { IdentifierAlphabet.isVisibleASCII(byte) }
    public static var alphabetDescription: String { IdentifierAlphabet.visibleASCIIDescription }
    public static var patternClass: String { IdentifierAlphabet.visibleASCIIPattern }

    /// `^[!-~]{1,200}$`: the whole rule as a regular expression (OpenAPI `pattern`).
    public static var pattern: String { "^\(patternClass){1,\(maxLength)}$" }

    /// The rule in one sentence: "customerId must be 1–200 characters of …".
    public static var rule: String { rule(for: name) }

    /// The rule for a field of this kind: "lines[0].productId must be 1–200 characters of …".
    public static func rule(for field: String) -> String {
        "\(field) must be 1–\(maxLength) characters of \(alphabetDescription)."
    }
}

/// The characters identifiers are made of (see `IdentifierKind` for why).
public enum IdentifierAlphabet {
    /// Letters, digits and punctuation of ASCII: `!` to `~`.
    public static func isVisibleASCII(_ byte: UInt8) -> Bool { byte >= 0x21 && byte <= 0x7E }

    public static let visibleASCIIDescription = "ASCII letters, digits and punctuation (no spaces)"
    public static let visibleASCIIPattern = "[!-~]"
}

/// The storefront's customer id: what customer tokens carry and every customer route takes.
public enum CustomerIdKind: IdentifierKind {
    public static let name = "customerId"
    public static let maxLength = 200
}

/// The storefront's product id (order lines, rewards, reviews).
public enum ProductIdKind: IdentifierKind {
    public static let name = "productId"
    public static let maxLength = 200
}

/// A sales order's number. Narrower than the other kinds: it appears in event ids and ordering
/// keys (`loyalty:<orderNumber>:<sequence>`), so it has no `:`, and in the paths of links sent to
/// customers, so nothing that needs escaping.
public enum OrderNumberKind: IdentifierKind {
    public static let name = "orderNumber"
    public static let maxLength = 64

    public static func allows(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "/"),
            UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    public static let alphabetDescription = "A–Z, a–z, 0–9, '.', '_', '/', '-'"
    public static let patternClass = "[A-Za-z0-9._/-]"
}

/// A discount code as a customer types it.
public enum DiscountCodeKind: IdentifierKind {
    public static let name = "discountCode"
    public static let maxLength = 64
}

/// An id another system or service gives a record it reports (an event id, a debit id, a review
/// id): the same alphabet and length as customer and product ids.
public enum ReferenceIdKind: IdentifierKind {
    public static let name = "id"
    public static let maxLength = 200
}

/// The storefront's customer id.
public typealias CustomerId = Identifier<CustomerIdKind>
/// The storefront's product id.
public typealias ProductId = Identifier<ProductIdKind>
/// A sales order's number.
public typealias OrderNumber = Identifier<OrderNumberKind>
/// A discount code.
public typealias DiscountCode = Identifier<DiscountCodeKind>
/// An event, debit or review id.
public typealias ReferenceId = Identifier<ReferenceIdKind>
