import FoundationEssentials

extension CampaignKind: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.oneOf(
            CampaignKind.self,
            description: "multiUse: any number of orders per code; singleUse: one order per code; "
                + "assigned: one customer's code, one order.")
    }
    public static var example: CampaignKind { .singleUse }
}

extension CampaignStatus: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(CampaignStatus.self) }
    public static var example: CampaignStatus { .ready }
}

extension CampaignDiscount: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "type": Schema.oneOf(CampaignDiscount.Kind.self),
                "value": Schema.integer(
                    minimum: 1, maximum: maximumAmount,
                    description: "percent: 1–100; amount: minor units; left out for freeShipping."),
            ], required: ["type"])
    }
    public static var example: CampaignDiscount { DiscountsExamples.discount }
}

extension CampaignInput: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "name": TextRules.textSchema(maxLength: TextRules.maximumNameLength),
                "kind": CampaignKind.reference,
                "count": Schema.integer(minimum: 1, maximum: maximumCount),
                "validFrom": Schema.dateTime,
                "validTo": Schema.described(Schema.dateTime, "Not before validFrom; left out, the codes never expire."),
                "discount": CampaignDiscount.reference,
                "minOrderValue": Schema.integer(minimum: 0, maximum: OrderRules.maxAmount),
                "pointsPrice": Schema.integer(minimum: 1, description: "Left out, the codes are not sold for points."),
                "mask": Schema.described(
                    Schema.text(maxLength: 200),
                    "Literal text with <NUM:start> and <RAND:min:max>; left out, random 12-character codes."),
                "currency": Schema.oneOf(Currency.minorUnits.keys.sorted(), description: "ISO 4217 code."),
            ], required: ["name", "kind", "count", "discount", "currency"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [CampaignKind.self, CampaignDiscount.self] }
    public static var example: CampaignInput {
        CampaignInput(
            name: "Spring sale", kind: .singleUse, count: 1000, validFrom: Examples.instant, validTo: Examples.expiry,
            discount: DiscountsExamples.discount, minOrderValue: 5_000, pointsPrice: 500, mask: DiscountsExamples.mask,
            currency: "PLN")
    }
}

extension Campaign: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "name": Schema.string, "kind": CampaignKind.reference,
                "count": Schema.integer, "validFrom": Schema.dateTime, "validTo": Schema.dateTime,
                "discount": CampaignDiscount.reference, "minOrderValue": Schema.integer,
                "pointsPrice": Schema.integer, "currency": Schema.string, "mask": Schema.string,
                "status": CampaignStatus.reference,
                "progress": Schema.described(Schema.number, "Share of the codes written, 0–1."),
                "generated": Schema.integer, "usedCount": Schema.integer,
                "failure": Schema.described(Schema.string, "Why generation failed."),
                "createdAt": Schema.dateTime, "archivedAt": Schema.dateTime,
            ],
            required: [
                "id", "name", "kind", "count", "discount", "currency", "status", "progress", "generated", "usedCount",
                "createdAt",
            ])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [CampaignKind.self, CampaignDiscount.self, CampaignStatus.self]
    }
    public static var example: Campaign {
        Campaign(
            id: DiscountsExamples.campaignId, name: "Spring sale", kind: .singleUse, count: 1000,
            validFrom: Examples.instant, validTo: Examples.expiry, discount: DiscountsExamples.discount,
            minOrderValue: 5_000, pointsPrice: 500, currency: "PLN", mask: DiscountsExamples.mask, status: .failed,
            progress: 0.5, generated: 500, usedCount: 0, failure: "The mask's codes ran out.",
            createdAt: Examples.instant, archivedAt: Examples.expiry)
    }
}

extension CampaignUpdate: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["name": TextRules.textSchema(maxLength: TextRules.maximumNameLength)], required: ["name"])
    }
    public static var example: CampaignUpdate { CampaignUpdate(name: "Spring sale 2027") }
}
