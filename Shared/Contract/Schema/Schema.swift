/// Small builders for JSON Schema 2020-12 values (what OpenAPI 3.1 uses), so the schema table
/// reads like the types it describes.
public enum Schema {
    public static let string: JSONValue = .object(["type": .string("string")])
    public static let integer: JSONValue = .object(["type": .string("integer"), "format": .string("int64")])
    public static let number: JSONValue = .object(["type": .string("number")])
    public static let boolean: JSONValue = .object(["type": .string("boolean")])
    public static let dateTime: JSONValue = .object(["type": .string("string"), "format": .string("date-time")])
    public static let anyObject: JSONValue = .object(["type": .string("object")])
    /// Bytes that are not text (OpenAPI 3.1 writes them as a string with contentMediaType; the
    /// media type says which).
    public static let binary: JSONValue = .object(["type": .string("string"), "format": .string("binary")])

    /// Money in minor units of the order's currency, never negative.
    public static let money: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
        "description": .string("Minor units (grosze, haléře, cents)."),
    ])

    /// `#/components/schemas/<name>`.
    public static func ref(_ name: String) -> JSONValue {
        .object(["$ref": .string("#/components/schemas/\(name)")])
    }

    public static func array(_ items: JSONValue) -> JSONValue {
        .object(["type": .string("array"), "items": items])
    }

    /// A string with one of `values`.
    public static func oneOf(_ values: [String], description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["type": .string("string"), "enum": .array(values.map(JSONValue.string))]
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// A string of at most `maxLength` characters, at least one.
    public static func text(maxLength: Int, description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(maxLength)),
        ]
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// `schema` or null.
    public static func nullable(_ schema: JSONValue) -> JSONValue {
        .object(["oneOf": .array([schema, .object(["type": .string("null")])])])
    }

    /// An optional property: the decoders take `null` as "left out", so the document says so.
    public static func optional(_ schema: JSONValue) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        switch fields["type"] {
        case .string(let type)?:
            fields["type"] = .array([.string(type), .string("null")])
            if case .array(let values)? = fields["enum"] { fields["enum"] = .array(values + [.null]) }
            return .object(fields)
        case .array?:
            return schema
        default:
            return .object(["anyOf": .array([schema, .object(["type": .string("null")])])])
        }
    }

    /// An object with `properties`; `required` lists the keys that must be present, the others
    /// may also be `null`.
    public static func object(_ properties: [String: JSONValue], required: [String] = [], description: String? = nil)
        -> JSONValue
    {
        var declared = properties
        for (name, property) in properties where !required.contains(name) { declared[name] = optional(property) }
        var fields: [String: JSONValue] = ["type": .string("object"), "properties": .object(declared)]
        if !required.isEmpty { fields["required"] = .array(required.map(JSONValue.string)) }
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// One page of `item`: `{items, nextCursor}`.
    public static func page(of item: JSONValue) -> JSONValue {
        .object([
            "allOf": .array([
                ref("Page"),
                object(["items": array(item)]),
            ])
        ])
    }
}

extension Schema {
    /// An integer within `minimum...maximum` (either bound optional).
    public static func integer(minimum: Int64? = nil, maximum: Int64? = nil, description: String? = nil) -> JSONValue {
        var fields: [String: JSONValue] = ["type": .string("integer"), "format": .string("int64")]
        if let minimum { fields["minimum"] = .number(Double(minimum)) }
        if let maximum { fields["maximum"] = .number(Double(maximum)) }
        if let description { fields["description"] = .string(description) }
        return .object(fields)
    }

    /// A string of one of `type`'s raw values.
    public static func oneOf<Values: CaseIterable & RawRepresentable>(_ type: Values.Type, description: String? = nil)
        -> JSONValue where Values.RawValue == String
    {
        oneOf(type.allCases.map(\.rawValue), description: description)
    }

    /// A schema with `description` added.
    /// `schema` with `additionalProperties: false` on its object, or on each object of its
    /// `oneOf`: no member beyond those it declares.
    public static func closed(_ schema: JSONValue) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        if case .array(let branches)? = fields["oneOf"] {
            fields["oneOf"] = .array(branches.map(closed))
        } else if fields["type"] == .string("object") {
            fields["additionalProperties"] = .bool(false)
        }
        return .object(fields)
    }

    public static func described(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(var fields) = schema else { return schema }
        fields["description"] = .string(description)
        return .object(fields)
    }
}
