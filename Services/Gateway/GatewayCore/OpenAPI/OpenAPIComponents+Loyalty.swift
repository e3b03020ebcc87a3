import Contract

extension OpenAPIComponents {
    /// The loyalty service's bodies (Contract/Loyalty).
    static let loyalty: [String: JSONValue] = [
        "LoyaltyProgram": closed(
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
        "RuleConditions": closed([
            "minOrderValue": Schema.money, "validFrom": Schema.dateTime, "validTo": Schema.dateTime,
            "productIds": Schema.array(Schema.string), "categories": Schema.array(Schema.string),
        ]),
        "Award": closed(
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
        "LoyaltyRule": closed(
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
        "CoefficientUpdate": closed(["coefficient": Schema.number], required: ["coefficient"]),
        "PointsAdjustmentRequest": closed(
            [
                "points": .object([
                    "type": .string("integer"),
                    "description": .string("Signed, not 0, from -(2^63 - 1) to 2^63 - 1: negative subtracts."),
                ]),
                "reason": Schema.text(maxLength: PointsAdjustmentRequest.maximumReasonLength),
                "publicNote": .object([
                    "type": .string("string"), "minLength": .number(1),
                    "maxLength": .number(Double(PointsAdjustmentRequest.maximumReasonLength)),
                    "description": .string("Shown to the customer in their history; the reason is not."),
                ]),
            ], required: ["points", "reason"]),
        "HistoryEntry": Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string,
                "kind": Schema.oneOf(HistoryKind.allCases.map(\.rawValue)), "points": Schema.integer,
                "pendingPoints": Schema.integer, "balanceAfter": Schema.integer, "pendingAfter": Schema.integer,
                "createdAt": Schema.dateTime, "expiresAt": Schema.dateTime,
                "cause": Schema.object(
                    [
                        "rule": Schema.object(["id": Schema.integer, "name": Schema.string]),
                        "orderNumber": Schema.string, "reviewId": Schema.string, "exchangeOrderId": Schema.integer,
                        "debitId": Schema.string, "actor": Schema.string, "reason": Schema.string,
                        "publicNote": Schema.string,
                    ],
                    description: "Why it happened. A customer reading their own history sees only orderNumber, "
                        + "exchangeOrderId and publicNote."),
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
        "RewardInput": closed(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "moneyPrice": Schema.money, "currency": Schema.string,
                "pointsPrice": .object([
                    "type": .string("integer"), "minimum": .number(1),
                    "description": .string("Set by hand; wins over the price computed from moneyPrice."),
                ]),
                "active": Schema.boolean,
            ], required: ["name"],
            description: "Give pointsPrice, or moneyPrice with currency to compute it from, or both."),
        "Reward": Schema.object(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "moneyPrice": Schema.money, "currency": Schema.string, "pointsPrice": Schema.integer,
                "pointsPriceSetByHand": Schema.boolean, "active": Schema.boolean, "eligible": Schema.boolean,
                "createdAt": Schema.dateTime, "updatedAt": Schema.dateTime,
            ], required: ["productId", "name", "pointsPrice", "pointsPriceSetByHand", "active", "eligible"]),
        "ExchangeOrderRequest": closed(
            [
                "items": Schema.array(
                    closed(
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
        "ExchangedUpdate": closed(["exchanged": Schema.boolean], required: ["exchanged"]),
        "ExchangeRejectionRequest": closed(["reason": Schema.string]),
    ]

    /// An object schema that refuses other members, as loyalty's `RefusesUnknownFields` inputs do.
    private static func closed(_ properties: [String: JSONValue], required: [String] = [], description: String? = nil)
        -> JSONValue
    {
        guard case .object(var fields) = Schema.object(properties, required: required, description: description)
        else { return Schema.anyObject }
        fields["additionalProperties"] = .bool(false)
        return .object(fields)
    }
}
