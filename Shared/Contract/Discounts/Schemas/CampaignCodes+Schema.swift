import FoundationEssentials

extension CampaignCode: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "code": Schema.string, "active": Schema.boolean, "customerId": Schema.string,
                "orderNumber": Schema.string, "usedAt": Schema.dateTime, "uses": Schema.integer,
            ], required: ["code", "active", "uses"])
    }
    public static var example: CampaignCode {
        CampaignCode(
            code: DiscountsExamples.code, active: true, customerId: DiscountsExamples.customerId,
            orderNumber: DiscountsExamples.orderNumber, usedAt: Examples.instant, uses: 1)
    }
}

extension CodeActivationRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "codes": .object([
                    "type": .string("array"), "items": TextRules.identifierSchema(DiscountCodeKind.self),
                    "minItems": .number(1), "maxItems": .number(Double(maximumCodes)),
                ]),
                "all": Schema.described(Schema.boolean, "true: every code of the campaign; then leave out codes."),
                "active": Schema.boolean,
            ], required: ["active"], description: "Send codes or all: true, not both.")
    }
    public static var example: CodeActivationRequest {
        CodeActivationRequest(codes: [DiscountsExamples.code], all: false, active: true)
    }
}

extension CodeActivationResult: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["changed": Schema.integer, "notFound": Schema.array(Schema.string)], required: ["changed", "notFound"])
    }
    public static var example: CodeActivationResult {
        CodeActivationResult(changed: 1, notFound: ["NOSUCHCODE"])
    }
}

extension MaskPreviewRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "mask": CampaignInput.maskSchema,
                "count": Schema.integer(minimum: 1, maximum: CampaignInput.maximumCount),
            ], required: ["mask", "count"])
    }
    public static var example: MaskPreviewRequest { MaskPreviewRequest(mask: "A<NUM:1000>", count: 100) }
}

extension MaskPreview: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "codes": Schema.array(Schema.string), "keySpace": Schema.integer, "available": Schema.integer,
                "enough": Schema.boolean,
            ], required: ["codes", "keySpace", "available", "enough"])
    }
    public static var example: MaskPreview {
        MaskPreview(
            codes: ["A1000", "A1001", "A1002"], keySpace: 9_223_372_036_854_774_807,
            available: 9_223_372_036_854_774_807, enough: true)
    }
}

extension CodeUsage: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "code": Schema.described(Schema.string, "Left out in a campaign's summary."),
                "orders": Schema.integer, "orderValue": Schema.integer, "discountGranted": Schema.integer,
                "codesUsed": Schema.integer,
            ], required: ["orders", "orderValue", "discountGranted", "codesUsed"])
    }
    public static var example: CodeUsage {
        CodeUsage(code: DiscountsExamples.code, orders: 1, orderValue: 12_000, discountGranted: 1_200, codesUsed: 1)
    }
}

extension CampaignStats: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "summary": CodeUsage.reference,
                "perCode": Schema.object(
                    [
                        "items": Schema.array(CodeUsage.reference),
                        "nextCursor": Schema.nullable(
                            Schema.described(Schema.string, "The next page's cursor; null on the last page.")),
                    ], required: ["items", "nextCursor"]),
            ],
            required: ["summary", "perCode"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [CodeUsage.self] }
    public static var example: CampaignStats {
        CampaignStats(summary: .example, perCode: Page(items: [.example], nextCursor: "1"))
    }
}
