import Contract

/// Small builders for JSON Schema 2020-12 values (what OpenAPI 3.1 uses), so the schema table
/// reads like the types it describes.
enum Schema {
    static let string: JSONValue = .object(["type": .string("string")])
    static let integer: JSONValue = .object(["type": .string("integer"), "format": .string("int64")])
    static let number: JSONValue = .object(["type": .string("number")])
    static let boolean: JSONValue = .object(["type": .string("boolean")])
    static let dateTime: JSONValue = .object(["type": .string("string"), "format": .string("date-time")])
    static let anyObject: JSONValue = .object(["type": .string("object")])

    /// An identifier of `Kind`: its length and characters, from the one rule the server applies.
    static func identifier<Kind: IdentifierKind>(_ kind: Kind.Type) -> JSONValue {
        .object([
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(Kind.maxLength)),
            "pattern": .string(Kind.pattern),
            "description": .string("1–\(Kind.maxLength) characters of \(Kind.alphabetDescription)."),
        ])
    }

    /// A path parameter's schema: an identifier's rule for the identifiers, text otherwise.
    static func pathParameter(_ name: String) -> JSONValue {
        switch name {
        case CustomerIdKind.name: identifier(CustomerIdKind.self)
        case ProductIdKind.name: identifier(ProductIdKind.self)
        case OrderNumberKind.name: identifier(OrderNumberKind.self)
        default: string
        }
    }

    /// An order's total, shipping cost or refund in minor units: 0 to 10¹⁵.
    static let orderAmount: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
        "maximum": .number(Double(OrderRules.maxAmount)),
        "description": .string("Minor units (grosze, haléře, cents)."),
    ])

    /// A unit price in minor units; negative for a discount line, at most 10¹⁰ either way.
    static let unitPrice: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"),
        "minimum": .number(Double(-OrderRules.maxUnitAmount)), "maximum": .number(Double(OrderRules.maxUnitAmount)),
        "description": .string("Minor units; negative for a discount line (a coupon, a rebate)."),
    ])

    /// Money in minor units of the order's currency, never negative.
    static let money: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
        "description": .string("Minor units (grosze, haléře, cents)."),
    ])

    /// `#/components/schemas/<name>`.
    static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": .string("array"), "items": items])
    }

    /// A string with one of `values`.
    static func oneOf(_ values: [String], description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["type": .string("string"), "enum": .array(values.map(JSONValue.string))]
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// A string of at most `maxLength` characters, at least one.
    static func text(maxLength: Int, description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(maxLength)),
        ]
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// `schema` or null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        .object(["oneOf": .array([schema, .object(["type": .string("null")])])])
    }

    /// An object with `properties`; `required` lists the keys that must be present.
    static func object(_ properties: [String: JSONValue], required: [String] = [], description: String? = nil)
        -> JSONValue
    {
        var fields: [String: JSONValue] = ["type": .string("object"), "properties": .object(properties)]
        if !required.isEmpty { fields["required"] = .array(required.map(JSONValue.string)) }
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// One page of `item`: `{items, nextCursor}`.
    static func page(of item: JSONValue) -> JSONValue {
        .object([
            "allOf": .array([
                ref("Page"),
                object(["items": array(item)]),
            ])
        ])
    }
}
