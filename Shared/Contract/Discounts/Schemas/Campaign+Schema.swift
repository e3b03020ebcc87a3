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
    /// One branch per type, so each states the range of its own `value` (a percent's 1–100 is not
    /// an amount's) and a client's generator or validator can tell them apart by `type`.
    public static var schema: JSONValue {
        let percent = Schema.object(
            [
                "type": .object(["const": .string(Kind.percent.rawValue)]),
                "value": Schema.integer(minimum: 1, maximum: 100, description: "The percentage of the order value."),
            ], required: ["type", "value"])
        let amount = Schema.object(
            [
                "type": .object(["const": .string(Kind.amount.rawValue)]),
                "value": Schema.integer(
                    minimum: 1, maximum: maximumAmount, description: "Minor units of the campaign's currency."),
            ], required: ["type", "value"])
        let freeShipping = Schema.object(
            ["type": .object(["const": .string(Kind.freeShipping.rawValue)])], required: ["type"])
        return .object(["oneOf": .array([percent, amount, freeShipping])])
    }
    public static var example: CampaignDiscount { DiscountsExamples.discount }
}

extension CampaignInput: SchemaDescribing {
    /// A mask as a schema can state it: at most `maximumMaskLength` characters of the code
    /// alphabet (letters, digits, `-`, `_`) and the placeholders' `<`, `:` and `>`, with at least
    /// one placeholder. The service parses the rest (placeholder names, numbers, ranges) and
    /// answers `invalid_mask` with the position.
    static let maskSchema: JSONValue = .object([
        "type": .string("string"), "minLength": .number(1), "maxLength": .number(Double(maximumMaskLength)),
        "pattern": .string("^[A-Za-z0-9_<>:-]*<[A-Za-z0-9_<>:-]*$"),
    ])

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
                    maskSchema,
                    "Literal text with <NUM:start> and <RAND:min:max>; left out, random 12-character codes."),
                "currency": Schema.oneOf(Currency.minorUnits.keys.sorted(), description: "ISO 4217 code."),
            ], required: ["name", "kind", "count", "discount", "currency"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [CampaignKind.self, CampaignDiscount.self] }
    public static var example: CampaignInput {
        CampaignInput(
            name: "Spring sale", kind: .singleUse, count: 1000, validFrom: Examples.instant, validTo: Examples.expiry,
            discount: DiscountsExamples.discount, minOrderValue: 5_000, pointsPrice: 100, mask: DiscountsExamples.mask,
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
