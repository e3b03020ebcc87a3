import Contract
import Foundation
import TestSupport
import Testing

/// Every schema a route declaration publishes is held against its contract type's real
/// encoding: the example (complete by rule) encodes to JSON the schema accepts, with no key the
/// schema does not declare and no declared property left out, and decodes back to itself.
@Suite struct SchemaConformanceTests {
    /// Every describing type the services' routes' bodies refer to, each once.
    static let types: [any SchemaDescribing.Type] = {
        var names = Set<String>()
        return (LoyaltyRoutes.all + DiscountsRoutes.all).flatMap {
            $0.request.describedTypes + $0.response.describedTypes
        }.filter {
            names.insert($0.schemaName).inserted
        }
    }()

    static var components: [String: JSONValue] {
        var found: [String: JSONValue] = [:]
        for type in types { found[type.schemaName] = type.schema }
        return found
    }

    @Test func everyExample_EncodesToWhatItsSchemaDescribes() throws {
        let check = JSONSchemaCheck(components: Self.components)
        #expect(Self.types.count >= 25)
        for type in Self.types {
            let encoded = try Self.encoding(of: type)
            let problems = check.problems(encoded, type.reference)
            #expect(problems.isEmpty, "\(type.schemaName): \(problems)")
        }
    }

    @Test func everyDeclaredProperty_IsWrittenByTheCompleteExample() throws {
        let check = JSONSchemaCheck(components: Self.components)
        for type in Self.types {
            let missing = check.missingProperties(try Self.encoding(of: type), type.reference)
            #expect(missing.isEmpty, "\(type.schemaName) declares properties its type does not write: \(missing)")
        }
    }

    @Test func everyExample_DecodesBackToItself() throws {
        for type in Self.types {
            #expect(try Self.roundTrips(type), "\(type.schemaName)")
        }
    }

    @Test func aPropertyTheSchemaDoesNotDeclare_IsFound() throws {
        let check = JSONSchemaCheck(components: Self.components)
        guard case .object(var fields) = try Self.encoding(of: CustomerPoints.self) else {
            Issue.record("not an object")
            return
        }
        fields["surprise"] = .bool(true)
        #expect(check.problems(.object(fields), CustomerPoints.reference) == ["$.surprise: not declared by the schema"])
    }

    static func encoding(of type: any SchemaDescribing.Type) throws -> JSONValue {
        try JSONCoding.decode(JSONValue.self, from: try JSONCoding.encode(type.example))
    }

    static func roundTrips<T: SchemaDescribing>(_ type: T.Type) throws -> Bool {
        let bytes = try JSONCoding.encode(T.example)
        let again = try JSONCoding.decode(T.self, from: bytes)
        return try JSONCoding.encode(again) == bytes
    }
}
