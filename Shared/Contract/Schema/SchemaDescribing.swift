/// A contract type that states its own JSON Schema and a complete example of itself, so the
/// OpenAPI document is built from the types the services really encode and decode.
///
/// A test encodes every describing type's `example` and checks the encoding against `schema`:
/// every key the type writes is a declared property of the right type, every declared property
/// is written by the (complete) example, and every constraint holds. A field added to a type
/// without its schema, or a schema that names a field the type no longer has, fails that test.
///
/// ```swift
/// extension CoefficientUpdate: SchemaDescribing {
///     public static var schema: JSONValue {
///         Schema.object(["coefficient": Coefficient.schemaValue], required: ["coefficient"])
///     }
///     public static var example: CoefficientUpdate { CoefficientUpdate(coefficient: 1.5) }
/// }
/// ```
public protocol SchemaDescribing: RouteBody, Codable, Sendable {
    /// The name under `#/components/schemas/`; the type's name unless it says otherwise.
    static var schemaName: String { get }
    /// The JSON Schema (2020-12, as OpenAPI 3.1 reads it) of the type's encoding.
    static var schema: JSONValue { get }
    /// A value with every optional field set, so its encoding shows every property.
    static var example: Self { get }
    /// The describing types `schema` refers to with `Schema.ref`, so the document includes them.
    static var referencedTypes: [any SchemaDescribing.Type] { get }
}

extension SchemaDescribing {
    public static var schemaName: String { String(describing: Self.self) }
    public static var referencedTypes: [any SchemaDescribing.Type] { [] }

    /// `schema` as the document states it: closed to undeclared members (`additionalProperties:
    /// false`) when the type refuses unknown fields, so the document says what decoding does.
    public static var documentedSchema: JSONValue {
        self is any RefusesUnknownFields.Type ? Schema.closed(schema) : schema
    }

    /// `#/components/schemas/<schemaName>`.
    public static var reference: JSONValue { Schema.ref(schemaName) }

    /// This type and every type it refers to, transitively, by schema name.
    public static var components: [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for type in describedTypes { found[type.schemaName] = type.documentedSchema }
        return found
    }

    /// This type and every type it refers to, transitively, each once.
    public static var describedTypes: [any SchemaDescribing.Type] {
        var names = Set<String>()
        var found: [any SchemaDescribing.Type] = []
        collect(Self.self, names: &names, into: &found)
        return found
    }
}

private func collect(
    _ type: any SchemaDescribing.Type, names: inout Set<String>, into found: inout [any SchemaDescribing.Type]
) {
    guard names.insert(type.schemaName).inserted else { return }
    found.append(type)
    for referenced in type.referencedTypes { collect(referenced, names: &names, into: &found) }
}
