import Contract
import Foundation

/// Holds describing types against their real encoding: each type's (complete) example encodes
/// to JSON its schema accepts, with no key the schema does not declare and no declared property
/// left out, and decodes back to itself. The contract's and the gateway's conformance tests run
/// it over the types their route declarations publish.
public enum SchemaConformance {
    /// Every describing type the bodies of `declarations` refer to, transitively, each once.
    public static func types(of declarations: [RouteDeclaration]) -> [any SchemaDescribing.Type] {
        var names = Set<String>()
        return declarations.flatMap { $0.request.describedTypes + $0.response.describedTypes }.filter {
            names.insert($0.schemaName).inserted
        }
    }

    /// The schemas of `types`, by schema name, as `$ref`s resolve them.
    public static func components(of types: [any SchemaDescribing.Type]) -> [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for type in types { found[type.schemaName] = type.schema }
        return found
    }

    /// What is wrong with each type's example under its schema, naming the type.
    public static func encodingProblems(of types: [any SchemaDescribing.Type]) throws -> [String] {
        let check = JSONSchemaCheck(components: components(of: types))
        return try types.flatMap { type in
            check.problems(try encoding(of: type), type.reference).map { "\(type.schemaName): \($0)" }
        }
    }

    /// The properties each schema declares that its type's complete example does not write.
    public static func unwrittenProperties(of types: [any SchemaDescribing.Type]) throws -> [String] {
        let check = JSONSchemaCheck(components: components(of: types))
        return try types.flatMap { type in
            check.missingProperties(try encoding(of: type), type.reference).map { "\(type.schemaName): \($0)" }
        }
    }

    /// The types whose example does not decode back to itself.
    public static func failingRoundTrips(of types: [any SchemaDescribing.Type]) throws -> [String] {
        var failing: [String] = []
        for type in types where try !roundTrips(type) { failing.append(type.schemaName) }
        return failing
    }

    /// The type's example as JSON.
    public static func encoding(of type: any SchemaDescribing.Type) throws -> JSONValue {
        try JSONCoding.decode(JSONValue.self, from: try JSONCoding.encode(type.example))
    }

    /// Whether the type's example, encoded, decoded and encoded again, gives the same bytes.
    public static func roundTrips<T: SchemaDescribing>(_ type: T.Type) throws -> Bool {
        let bytes = try JSONCoding.encode(T.example)
        let again = try JSONCoding.decode(T.self, from: bytes)
        return try JSONCoding.encode(again) == bytes
    }
}
