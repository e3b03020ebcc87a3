import Contract
import Foundation
import GatewayCore
import HTTP
import Testing

/// What the document promises where it once disagreed with the server: the limits the server
/// checks, the fields it requires, the statuses and error codes it answers, and typed bodies.
@Suite struct OpenAPIPromiseTests {
    static let document = OpenAPIDocument.build(version: "test")

    static func value(_ path: String...) -> JSONValue? {
        var current: JSONValue? = document
        for key in path {
            guard case .object(let fields)? = current else { return nil }
            current = fields[key]
        }
        return current
    }

    static func schema(_ name: String) -> JSONValue? { value("components", "schemas", name) }

    static func operation(_ method: String, _ path: String) -> [String: JSONValue] {
        guard case .object(let fields)? = value("paths", path, method) else { return [:] }
        return fields
    }

    static func responses(_ method: String, _ path: String) -> [String: JSONValue] {
        guard case .object(let fields)? = operation(method, path)["responses"] else { return [:] }
        return fields
    }

    static func errorCodes(_ method: String, _ path: String, status: String) -> [String] {
        guard case .object(let response)? = responses(method, path)[status],
            case .array(let codes)? = response["x-error-codes"]
        else { return [] }
        return codes.compactMap(\.stringValue)
    }

    @Test func anAdjustmentsReason_IsDocumentedWithTheLengthTheServerChecks() {
        guard
            case .object(let properties)? = Self.value("components", "schemas", "PointsAdjustmentRequest")
                .flatMap({ if case .object(let fields) = $0 { return fields["properties"] } else { return nil } }),
            case .object(let reason)? = properties["reason"]
        else {
            Issue.record("no reason property")
            return
        }
        #expect(reason["maxLength"] == .number(Double(PointsAdjustmentRequest.maximumReasonLength)))
        #expect(reason["minLength"] == .number(1))
    }

    @Test func aProportionalAward_IsDocumentedWithEveryFieldTheServerRequires() {
        guard case .object(let award)? = Self.schema("Award"), case .array(let branches)? = award["oneOf"] else {
            Issue.record("Award is not a oneOf")
            return
        }
        let required = branches.map { branch -> Set<String> in
            guard case .object(let fields) = branch, case .array(let names)? = fields["required"] else { return [] }
            return Set(names.compactMap(\.stringValue))
        }
        #expect(required.contains(["type", "points"]))
        #expect(required.contains(["type", "points", "per", "basis", "rounding", "roundTo"]))
    }

    @Test func puttingAReward_DocumentsBoth200And201() {
        let responses = Self.responses("put", "/api/v1/loyalty/rewards/{productId}")
        #expect(responses["200"] != nil)
        #expect(responses["201"] != nil)
    }

    @Test func theConflictsTheServerAnswers_AreListedWithTheirCodes() {
        #expect(
            Self.errorCodes("post", "/api/v1/loyalty/customers/{customerId}/adjustments", status: "409")
                == ["insufficient_points"])
        #expect(Self.errorCodes("post", "/api/v1/loyalty/rewards", status: "409") == ["reward_exists"])
        #expect(
            Self.errorCodes("post", "/api/v1/loyalty/exchange-orders/{id}/rejection", status: "409")
                == ["already_rejected", "already_exchanged"])
        #expect(
            Self.errorCodes("post", "/api/v1/loyalty/customers/{customerId}/exchange-orders", status: "422")
                .contains("validation_failed"))
        #expect(Self.errorCodes("post", "/api/v1/loyalty/adjustments/bulk", status: "422").contains("invalid_rows"))
    }

    @Test func everySuccessfulJSONAnswer_IsTyped() {
        guard case .object(let paths)? = Self.value("paths") else { return }
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, operation) in methods {
                guard case .object(let fields) = operation, case .object(let responses)? = fields["responses"] else {
                    continue
                }
                for (status, response) in responses where status.hasPrefix("2") {
                    guard case .object(let body) = response, case .object(let content)? = body["content"],
                        case .object(let json)? = content["application/json"]
                    else { continue }
                    #expect(json["schema"] != .object(["type": .string("object")]), "\(method) \(path) \(status)")
                }
            }
        }
    }

    @Test func aHistoryEntrysKind_ListsEveryKind() {
        #expect(Self.schema("HistoryKind") == Schema.oneOf(HistoryKind.self))
        guard case .object(let entry)? = Self.schema("HistoryEntry"),
            case .object(let properties)? = entry["properties"]
        else { return }
        #expect(properties["kind"] == HistoryKind.reference)
    }

    @Test func aCustomerTokensTTL_IsDocumentedAsTakingNull_AsTheServerDoes() {
        guard case .object(let request)? = Self.schema("CustomerTokenRequest"),
            case .object(let properties)? = request["properties"], case .object(let ttl)? = properties["ttlSeconds"]
        else { return }
        #expect(ttl["type"] == .array([.string("integer"), .string("null")]))
        #expect(ttl["maximum"] == .number(Double(CustomerTokenRequest.maxTTLSeconds)))
    }

    static func property(_ schema: String, _ name: String) -> [String: JSONValue] {
        guard case .object(let fields)? = Self.schema(schema), case .object(let properties)? = fields["properties"],
            case .object(let property)? = properties[name]
        else { return [:] }
        return property
    }

    @Test func anOptionalProperty_IsDocumentedAsTakingNull_AsTheDecodersDo() {
        #expect(Self.property("RewardInput", "pointsPrice")["type"] == .array([.string("integer"), .string("null")]))
        #expect(Self.property("OrderDocument", "refundedNet")["type"] == .array([.string("integer"), .string("null")]))
        #expect(Self.property("LoyaltyRule", "conditions")["anyOf"] != nil)
        #expect(Self.property("PointsAdjustmentRequest", "reason")["type"] == .string("string"))
    }

    @Test func creatingAReward_RequiresItsProductId_AsTheServerDoes() {
        guard case .object(let body)? = Self.operation("post", "/api/v1/loyalty/rewards")["requestBody"],
            case .object(let content)? = body["content"], case .object(let json)? = content["application/json"],
            case .object(let schema)? = json["schema"], case .array(let parts)? = schema["allOf"]
        else {
            Issue.record("POST /rewards has no allOf body")
            return
        }
        #expect(
            parts.contains {
                if case .object(let part) = $0 { part["required"] == .array([.string("productId")]) } else { false }
            })
    }

    @Test func anOrderNumber_IsDocumentedWithThePatternTheGatewayChecks() {
        let parameters = Self.operation("put", "/api/v1/orders/{orderNumber}")["parameters"]
        guard case .array(let list)? = parameters, case .object(let parameter)? = list.first,
            case .object(let schema)? = parameter["schema"]
        else { return }
        #expect(schema["pattern"] == .string("^[A-Za-z0-9._/-]{1,64}$"))
        #expect(schema["pattern"] == .string(OrderNumberKind.pattern))
        #expect(schema["maxLength"] == .number(64))
    }

    @Test func theOrderRoute_DocumentsTheConflictsOfAChangedCustomerOrCurrency() {
        let path = "/api/v1/orders/{orderNumber}"
        #expect(Self.errorCodes("put", path, status: "409") == ["order_customer_changed", "order_currency_changed"])
        #expect(Self.errorCodes("put", path, status: "422").contains("invalid_order"))
    }

    @Test func theTokenRoute_DocumentsACustomerIdBreakingTheRule() {
        #expect(Self.errorCodes("post", "/api/v1/auth/customer-tokens", status: "422").contains("invalid_identifier"))
    }

    @Test func everyIdentifierInAPath_IsDocumentedWithItsKindsRule() {
        let kinds: [String: (pattern: String, maxLength: Int)] = [
            CustomerIdKind.name: (CustomerIdKind.pattern, CustomerIdKind.maxLength),
            ProductIdKind.name: (ProductIdKind.pattern, ProductIdKind.maxLength),
            OrderNumberKind.name: (OrderNumberKind.pattern, OrderNumberKind.maxLength),
        ]
        guard case .object(let paths)? = Self.value("paths") else { return }
        var checked = 0
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            for case .object(let operation) in operations.values {
                guard case .array(let parameters)? = operation["parameters"] else { continue }
                for case .object(let parameter) in parameters {
                    guard case .string(let name)? = parameter["name"], let kind = kinds[name],
                        parameter["in"] == .string("path"), case .object(let schema)? = parameter["schema"]
                    else { continue }
                    #expect(schema["pattern"] == .string(kind.pattern), "\(path) \(name)")
                    #expect(schema["maxLength"] == .number(Double(kind.maxLength)), "\(path) \(name)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }

    @Test func theOrderAndTokenBodies_DocumentTheIdentifierRule() {
        func property(_ schema: String, _ name: String) -> JSONValue? {
            guard case .object(let fields)? = Self.schema(schema), case .object(let properties)? = fields["properties"],
                case .object(let property)? = properties[name]
            else { return nil }
            return property["pattern"]
        }
        #expect(property("CustomerTokenRequest", "customerId") == .string(CustomerIdKind.pattern))
        #expect(property("OrderDocument", "customerId") == .string(CustomerIdKind.pattern))
        #expect(property("OrderDocument", "discountCode") == .string(DiscountCodeKind.pattern))
        #expect(property("OrderLine", "productId") == .string(ProductIdKind.pattern))
    }
}
