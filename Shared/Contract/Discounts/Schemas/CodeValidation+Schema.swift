import FoundationEssentials

extension CodeRefusalReason: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.oneOf(
            CodeRefusalReason.self,
            description: "Without an admin key, unknown and otherCustomer both read notFound.")
    }
    public static var example: CodeRefusalReason { .expired }
}

/// The cart fields validation and redemption share: money in minor units and the currency.
enum CartSchema {
    static let properties: [String: JSONValue] = [
        "code": TextRules.identifierSchema(DiscountCodeKind.self),
        "customerId": TextRules.identifierSchema(CustomerIdKind.self),
        "orderValue": Schema.integer(minimum: 0, maximum: OrderRules.maxAmount, description: "Goods, minor units."),
        "shippingCost": Schema.integer(minimum: 0, maximum: OrderRules.maxAmount, description: "Minor units."),
        "currency": Schema.oneOf(Currency.minorUnits.keys.sorted(), description: "ISO 4217 code."),
    ]
}

extension CodeValidationRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(CartSchema.properties, required: ["code", "orderValue", "shippingCost", "currency"])
    }
    public static var example: CodeValidationRequest {
        CodeValidationRequest(
            code: DiscountsExamples.code, customerId: DiscountsExamples.customerId, orderValue: 12_000,
            shippingCost: 1_500, currency: "PLN")
    }
}

extension CodeValidation: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "valid": Schema.boolean, "discountValue": Schema.integer, "freeShipping": Schema.boolean,
                "reason": CodeRefusalReason.reference,
            ], required: ["valid", "discountValue", "freeShipping"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [CodeRefusalReason.self] }
    public static var example: CodeValidation {
        CodeValidation(valid: false, discountValue: 0, freeShipping: false, reason: .expired)
    }
}

extension RedemptionRequest: SchemaDescribing {
    public static var schema: JSONValue {
        var properties = CartSchema.properties
        properties["orderNumber"] = TextRules.identifierSchema(OrderNumberKind.self)
        return Schema.object(properties, required: ["code", "orderNumber", "orderValue", "shippingCost", "currency"])
    }
    public static var example: RedemptionRequest {
        RedemptionRequest(
            code: DiscountsExamples.code, customerId: DiscountsExamples.customerId,
            orderNumber: DiscountsExamples.orderNumber, orderValue: 12_000, shippingCost: 1_500, currency: "PLN")
    }
}

extension Redemption: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "code": Schema.string, "campaignId": Schema.integer, "orderNumber": Schema.string,
                "customerId": Schema.string, "orderValue": Schema.integer, "discountValue": Schema.integer,
                "freeShipping": Schema.boolean, "createdAt": Schema.dateTime,
                "releasedAt": Schema.described(
                    Schema.dateTime, "Set once the order was cancelled or the redemption deleted."),
            ],
            required: [
                "id", "code", "campaignId", "orderNumber", "orderValue", "discountValue", "freeShipping", "createdAt",
            ])
    }
    public static var example: Redemption {
        Redemption(
            id: 1, code: DiscountsExamples.code, campaignId: DiscountsExamples.campaignId,
            orderNumber: DiscountsExamples.orderNumber, customerId: DiscountsExamples.customerId, orderValue: 12_000,
            discountValue: 1_200, freeShipping: false, createdAt: Examples.instant, releasedAt: Examples.expiry)
    }
}
