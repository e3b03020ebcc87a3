import Contract
import Foundation
import GatewayCore
import TestSupport
import Testing

/// Every schema the gateway's document takes from a contract type, the gateway's own bodies
/// (orders, tokens, sessions, deliveries) included, is held against the type's real encoding.
@Suite struct GatewaySchemaConformanceTests {
    static let types =
        SchemaConformance.types(of: AccessTable.routes.map(\.declaration)) + [ErrorEnvelope.self, PageShape.self]

    @Test func theGatewaysOwnBodies_AreDescribedByTheirTypes() {
        let described = Set(Self.types.map { $0.schemaName })
        let expected: Set<String> = [
            "OrderDocument", "Buyer", "OrderLine", "ShippingCost", "OrderStatus", "OrderAcceptance", "OrderDelivery",
            "OrderDeliveries", "CustomerTokenRequest", "CustomerToken", "AdminSessionRequest", "AdminSession",
            "DeadLetter", "Health", "ReadyReport", "ServiceReadiness", "ServiceStatus", "ErrorEnvelope", "Page",
        ]
        #expect(expected.subtracting(described) == [])
    }

    @Test func everySchemaOfTheDocument_IsATypesSchema_HeldAgainstItsEncodingHere() throws {
        let document = try JSONCoding.decode(
            JSONValue.self, from: JSONCoding.encode(OpenAPIDocument.build(version: "test")))
        guard case .object(let fields) = document, case .object(let components)? = fields["components"],
            case .object(let schemas)? = components["schemas"]
        else {
            Issue.record("the document has no components")
            return
        }
        // As the document states them (closed where the type refuses unknown fields).
        var checked: [String: JSONValue] = [:]
        for type in Self.types { checked.merge(type.components) { first, _ in first } }
        #expect(Set(schemas.keys).subtracting(checked.keys) == [], "schemas no type describes")
        for (name, schema) in schemas { #expect(checked[name] == schema, "\(name) is not its type's schema") }
    }

    @Test func everyExample_EncodesToWhatItsSchemaDescribes() throws {
        #expect(try SchemaConformance.encodingProblems(of: Self.types) == [])
    }

    @Test func everyDeclaredProperty_IsWrittenByTheCompleteExample() throws {
        #expect(try SchemaConformance.unwrittenProperties(of: Self.types) == [])
    }

    @Test func everyExample_DecodesBackToItself() throws {
        #expect(try SchemaConformance.failingRoundTrips(of: Self.types) == [])
    }

    @Test func theOrderExample_IsAnOrderTheGatewayAccepts() {
        #expect(OrderDocument.example.problems(orderNumber: Examples.orderNumber) == [])
    }

    @Test func theOrderSchema_StatesTheLimitsTheValidationApplies() {
        func rule(_ schema: JSONValue, _ property: String, _ key: String) -> JSONValue? {
            guard case .object(let fields) = schema, case .object(let properties)? = fields["properties"],
                case .object(let rules)? = properties[property]
            else { return nil }
            return rules[key]
        }
        #expect(rule(OrderLine.schema, "quantity", "maximum") == .number(Double(OrderRules.maxQuantity)))
        #expect(rule(OrderLine.schema, "unitNet", "maximum") == .number(Double(OrderRules.maxUnitAmount)))
        #expect(rule(OrderLine.schema, "unitGross", "minimum") == .number(Double(-OrderRules.maxUnitAmount)))
        #expect(rule(OrderLine.schema, "productId", "pattern") == .string(ProductIdKind.pattern))
        #expect(rule(OrderDocument.schema, "lines", "maxItems") == .number(Double(OrderRules.maxLines)))
        #expect(rule(OrderDocument.schema, "customerId", "pattern") == .string(CustomerIdKind.pattern))
        #expect(rule(OrderDocument.schema, "discountCode", "pattern") == .string(DiscountCodeKind.pattern))
        #expect(rule(ShippingCost.schema, "net", "maximum") == .number(Double(OrderRules.maxAmount)))
        #expect(rule(Buyer.schema, "postcode", "maxLength") == .number(Double(OrderRules.maxPostcodeBytes)))
        #expect(rule(Buyer.schema, "phone", "maxLength") == .number(Double(OrderRules.maxPhoneBytes)))
    }
}
