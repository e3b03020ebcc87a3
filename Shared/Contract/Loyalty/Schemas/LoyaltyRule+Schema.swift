import FoundationEssentials

extension OrderStatus: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(OrderStatus.self) }
    public static var example: OrderStatus { .fulfilled }
}

extension RuleConditions: SchemaDescribing {
    public static var schema: JSONValue {
        let list = JSONValue.object([
            "type": .string("array"), "minItems": .number(1),
            "items": .object(["type": .string("string"), "minLength": .number(1)]),
        ])
        return Schema.object([
            "minOrderValue": Schema.money, "validFrom": Schema.dateTime,
            "validTo": Schema.described(Schema.dateTime, "Not before `validFrom`."),
            "productIds": list, "categories": list,
        ])
    }
    public static var example: RuleConditions {
        RuleConditions(
            minOrderValue: 10_000, validFrom: Examples.instant, validTo: Examples.expiry,
            productIds: [Examples.productId], categories: ["kitchen"])
    }
}

extension Award: SchemaDescribing {
    public static var schema: JSONValue {
        let points = Schema.integer(minimum: 0)
        let fixed = Schema.object(
            ["type": .object(["const": .string("fixed")]), "points": points], required: ["type", "points"])
        let proportional = Schema.object(
            [
                "type": .object(["const": .string("proportional")]), "points": points,
                "per": Schema.integer(minimum: 1, description: "Per this much value (minor units)."),
                "basis": Schema.oneOf(ValueBasis.self), "rounding": Schema.oneOf(PointsRounding.self),
                "roundTo": .object([
                    "type": .string("integer"),
                    "enum": .array(RoundingStep.allCases.map { .number(Double($0.rawValue)) }),
                ]),
            ], required: ["type", "points", "per", "basis", "rounding", "roundTo"])
        return .object(["oneOf": .array([fixed, proportional])])
    }
    public static var example: Award {
        .proportional(ProportionalAward(points: 1, per: 500, basis: .net, rounding: .down, roundTo: .one))
    }
}

extension LoyaltyRule: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.described(Schema.integer, "Assigned by the server; ignored on create."),
                "name": TextRules.textSchema(maxLength: maximumNameLength),
                "active": Schema.described(Schema.boolean, "True when left out."),
                "action": Schema.oneOf(LoyaltyAction.self),
                "status": Schema.oneOf(
                    earningStatuses.map(\.rawValue), description: "Required for `orderStatus` rules, else absent."),
                "conditions": RuleConditions.reference,
                "award": Award.reference,
            ], required: ["name", "action", "award"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [RuleConditions.self, Award.self]
    }
    public static var example: LoyaltyRule {
        LoyaltyRule(
            id: 1, name: "1 point per 5 PLN", active: true, action: .orderStatus, status: .fulfilled,
            conditions: .example, award: .example)
    }
}
