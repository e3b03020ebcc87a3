import Contract

extension OpenAPIComponents {
    /// The loyalty service's bodies (Contract/Loyalty).
    static let loyalty: [String: JSONValue] = [
        "LoyaltyProgram": Schema.object(
            [
                "deductOnCancel": Schema.boolean,
                "coefficientApplies": Schema.oneOf(CoefficientTarget.allCases.map(\.rawValue)),
                "earnEligibility": Schema.oneOf(EarnEligibility.allCases.map(\.rawValue)),
                "earnCategory": Schema.string,
                "earnProductIds": Schema.array(Schema.string),
                "rewardEligibility": Schema.oneOf(RewardEligibility.allCases.map(\.rawValue)),
                "rewardCategory": Schema.string,
                "rewardProductIds": Schema.array(Schema.string),
                "pointsPerCurrencyUnit": .object([
                    "type": .string("number"), "exclusiveMinimum": .number(0), "maximum": .number(1_000_000),
                    "description": .string("Points per major currency unit of a reward's money price."),
                ]),
                "expiryMonths": .object(["type": .string("integer"), "minimum": .number(1), "maximum": .number(1200)]),
            ],
            required: [
                "deductOnCancel", "coefficientApplies", "earnEligibility", "rewardEligibility", "pointsPerCurrencyUnit",
            ]),
        "RuleConditions": Schema.object([
            "minOrderValue": Schema.money, "validFrom": Schema.dateTime, "validTo": Schema.dateTime,
            "productIds": Schema.array(Schema.string), "categories": Schema.array(Schema.string),
        ]),
        "Award": Schema.object(
            [
                "type": Schema.oneOf(["fixed", "proportional"]),
                "points": .object(["type": .string("integer"), "minimum": .number(0)]),
                "per": .object([
                    "type": .string("integer"), "minimum": .number(1),
                    "description": .string("Proportional: per this much value (minor units)."),
                ]),
                "basis": Schema.oneOf(ValueBasis.allCases.map(\.rawValue)),
                "rounding": Schema.oneOf(PointsRounding.allCases.map(\.rawValue)),
                "roundTo": .object([
                    "type": .string("integer"), "enum": .array([1.0, 10, 100, 1000].map { .number($0) }),
                ]),
            ], required: ["type", "points"]),
        "AwardPreviewRequest": Schema.object(
            [
                "award": Schema.ref("Award"),
                "orderValue": Schema.money,
                "coefficient": .object([
                    "type": .string("number"), "exclusiveMinimum": .number(0), "maximum": .number(1000),
                    "description": .string("The customer's coefficient to try; 1 when left out."),
                ]),
            ], required: ["award", "orderValue"]),
        "AwardPreview": Schema.object(["points": Schema.integer], required: ["points"]),
        "LoyaltyRule": Schema.object(
            [
                "id": Schema.integer, "name": Schema.string, "active": Schema.boolean,
                "action": Schema.oneOf(LoyaltyAction.allCases.map(\.rawValue)),
                "status": Schema.ref("OrderStatus"),
                "conditions": Schema.ref("RuleConditions"),
                "award": Schema.ref("Award"),
            ], required: ["name", "action", "award"]),
        "CustomerPoints": Schema.object(
            [
                "customerId": Schema.string, "points": Schema.integer, "pendingPoints": Schema.integer,
                "coefficient": Schema.number,
                "expiringPoints": Schema.array(
                    Schema.object(["points": Schema.integer, "expiresAt": Schema.dateTime])),
                "exchangeOrderCount": Schema.integer, "newsletterSignedUp": Schema.boolean,
            ], required: ["customerId", "points", "pendingPoints"]),
        "CoefficientUpdate": Schema.object(["coefficient": Schema.number], required: ["coefficient"]),
        "PointsAdjustmentRequest": Schema.object(
            [
                "points": .object(["type": .string("integer"), "description": .string("Signed: negative subtracts.")]),
                "reason": Schema.text(maxLength: 1000),
            ], required: ["points", "reason"]),
        "HistoryEntry": Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string, "kind": Schema.string, "points": Schema.integer,
                "pendingPoints": Schema.integer, "balanceAfter": Schema.integer, "pendingAfter": Schema.integer,
                "createdAt": Schema.dateTime, "expiresAt": Schema.dateTime, "cause": Schema.anyObject,
            ], required: ["id", "customerId", "kind", "points", "createdAt"]),
        "PointsAdjustmentResult": Schema.object(
            [
                "customerId": Schema.string, "points": Schema.integer, "pendingPoints": Schema.integer,
                "entry": Schema.ref("HistoryEntry"),
            ], required: ["customerId", "points"]),
        "BulkAdjustmentResult": Schema.object([
            "rows": Schema.integer, "customers": Schema.integer, "pointsAdded": Schema.integer,
            "pointsRemoved": Schema.integer,
        ]),
        "RewardInput": Schema.object(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "moneyPrice": Schema.money, "currency": Schema.string, "manualPoints": Schema.integer,
                "active": Schema.boolean,
            ], required: ["name", "moneyPrice", "currency"]),
        "Reward": Schema.object(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "moneyPrice": Schema.money,
                "currency": Schema.string, "manualPoints": Schema.integer, "active": Schema.boolean,
                "pointsPrice": Schema.integer, "eligible": Schema.boolean,
                "createdAt": Schema.dateTime, "updatedAt": Schema.dateTime,
            ], required: ["productId", "name", "pointsPrice"]),
        "ExchangeOrderRequest": Schema.object(
            [
                "items": Schema.array(
                    Schema.object(
                        [
                            "productId": Schema.string,
                            "quantity": .object(["type": .string("integer"), "minimum": .number(1)]),
                        ], required: ["productId", "quantity"]))
            ], required: ["items"]),
        "ExchangeOrder": Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string,
                "items": Schema.array(
                    Schema.object([
                        "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                        "quantity": Schema.integer, "unitPoints": Schema.integer, "points": Schema.integer,
                    ])),
                "points": Schema.integer, "status": Schema.oneOf(["placed", "exchanged", "rejected"]),
                "exchanged": Schema.boolean, "note": Schema.string, "createdAt": Schema.dateTime,
                "exchangedAt": Schema.dateTime, "rejectedAt": Schema.dateTime, "rejectionReason": Schema.string,
                "placedBy": Schema.string,
            ], required: ["id", "customerId", "items", "points", "status", "createdAt"]),
        "ExchangedUpdate": Schema.object(["exchanged": Schema.boolean], required: ["exchanged"]),
        "ExchangeRejectionRequest": Schema.object(["reason": Schema.string]),
    ]
}
