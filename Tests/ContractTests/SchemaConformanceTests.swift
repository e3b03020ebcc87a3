import Contract
import Foundation
import TestSupport
import Testing

/// Every schema a service route declaration publishes is held against its contract type's real
/// encoding (`SchemaConformance`); the gateway's conformance test does the same for every route
/// the gateway documents, its own included.
@Suite struct SchemaConformanceTests {
    /// Every describing type the services' routes' bodies refer to, each once.
    static let types = SchemaConformance.types(
        of: LoyaltyRoutes.all + DiscountsRoutes.all + HelpdeskRoutes.all + ReviewsRoutes.all + PersonalDataRoutes.all
            + PrivacyRoutes.all)

    @Test func everyExample_EncodesToWhatItsSchemaDescribes() throws {
        #expect(Self.types.count >= 25)
        #expect(try SchemaConformance.encodingProblems(of: Self.types) == [])
    }

    @Test func everyDeclaredProperty_IsWrittenByTheCompleteExample() throws {
        let unwritten = try SchemaConformance.unwrittenProperties(of: Self.types)
        #expect(unwritten == [], "\(unwritten)")
    }

    @Test func everyExample_DecodesBackToItself() throws {
        #expect(try SchemaConformance.failingRoundTrips(of: Self.types) == [])
    }

    @Test func aPropertyTheSchemaDoesNotDeclare_IsFound() throws {
        let check = JSONSchemaCheck(components: SchemaConformance.components(of: Self.types))
        guard case .object(var fields) = try SchemaConformance.encoding(of: CustomerPoints.self) else {
            Issue.record("not an object")
            return
        }
        fields["surprise"] = .bool(true)
        #expect(check.problems(.object(fields), CustomerPoints.reference) == ["$.surprise: not declared by the schema"])
    }
}
