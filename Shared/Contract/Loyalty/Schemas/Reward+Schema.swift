import FoundationEssentials

extension RewardInput: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": Schema.described(
                    TextRules.identifierSchema(ProductIdKind.self), "Required by POST; a PUT's path names it."),
                "name": TextRules.textSchema(maxLength: TextRules.maximumNameLength),
                "category": TextRules.labelSchema,
                "moneyPrice": Schema.money,
                "currency": Schema.oneOf(Currency.minorUnits.keys.sorted(), description: "ISO 4217 code."),
                "pointsPrice": Schema.integer(
                    minimum: 1, description: "A price in points set by hand; it wins over one computed from moneyPrice."
                ),
                "active": Schema.boolean,
            ], required: ["name"],
            description: "Give pointsPrice, or moneyPrice with currency to compute it from, or both.")
    }
    public static var example: RewardInput {
        RewardInput(
            productId: Examples.productId, name: "Mug", category: "kitchen", moneyPrice: 2_500, currency: "PLN",
            pointsPrice: 300, active: true)
    }
}

extension Reward: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "moneyPrice": Schema.money, "currency": Schema.string, "pointsPrice": Schema.integer,
                "pointsPriceSetByHand": Schema.described(
                    Schema.boolean, "Whether pointsPrice was set by hand (false: computed from the money price)."),
                "active": Schema.boolean, "eligible": Schema.boolean,
                "createdAt": Schema.dateTime, "updatedAt": Schema.dateTime,
            ],
            required: [
                "productId", "name", "pointsPrice", "pointsPriceSetByHand", "active", "eligible", "createdAt",
                "updatedAt",
            ])
    }
    public static var example: Reward {
        Reward(
            productId: Examples.productId, name: "Mug", category: "kitchen", moneyPrice: 2_500, currency: "PLN",
            pointsPrice: 300, pointsPriceSetByHand: true, active: true, eligible: true, createdAt: Examples.instant,
            updatedAt: Examples.instant)
    }
}

/// The body of `POST /v1/rewards`: a `RewardInput` that names its product (a PUT's path names it
/// instead, so there it may be left out).
public enum RewardCreation: RouteBody {
    public static var body: BodyDescription {
        guard case .json(_, let types, let example) = RewardInput.body else { return RewardInput.body }
        let schema: JSONValue = .object([
            "allOf": .array([
                RewardInput.reference,
                .object([
                    "required": .array([.string("productId")]),
                    "properties": .object(["productId": TextRules.identifierSchema(ProductIdKind.self)]),
                ]),
            ])
        ])
        return .json(schema: schema, types: types, example: example)
    }
}
