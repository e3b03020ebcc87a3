import FoundationEssentials

extension LoyaltyProgram: SchemaDescribing {
    public static var schema: JSONValue {
        let categoryNote = "Required (not empty) when the eligibility is `category`."
        return Schema.object(
            [
                "deductOnCancel": Schema.boolean,
                "coefficientApplies": Schema.oneOf(CoefficientTarget.self),
                "earnEligibility": Schema.oneOf(EarnEligibility.self),
                "earnCategory": Schema.described(Schema.string, categoryNote),
                "earnProductIds": Schema.array(.object(["type": .string("string"), "minLength": .number(1)])),
                "rewardEligibility": Schema.oneOf(RewardEligibility.self),
                "rewardCategory": Schema.described(Schema.string, categoryNote),
                "rewardProductIds": Schema.array(.object(["type": .string("string"), "minLength": .number(1)])),
                "pointsPerCurrencyUnit": .object([
                    "type": .string("number"), "exclusiveMinimum": .number(0),
                    "maximum": .number(Double(maximumPointsPerCurrencyUnit.scaled / ExactDecimal.scale)),
                    "multipleOf": .number(0.0001),
                    "description": .string("Points per major currency unit of a reward's money price."),
                ]),
                "expiryMonths": .object([
                    "type": .string("integer"), "minimum": .number(Double(expiryMonthsRange.lowerBound)),
                    "maximum": .number(Double(expiryMonthsRange.upperBound)),
                    "description": .string("Months until earned points expire; absent: they never do."),
                ]),
            ],
            required: [
                "deductOnCancel", "coefficientApplies", "earnEligibility", "rewardEligibility", "pointsPerCurrencyUnit",
            ])
    }
    public static var example: LoyaltyProgram {
        LoyaltyProgram(
            deductOnCancel: true, coefficientApplies: .points, earnEligibility: .allExceptExcluded,
            earnCategory: "kitchen", earnProductIds: ["sku-gift-card"], rewardEligibility: .allExceptExcluded,
            rewardCategory: "kitchen", rewardProductIds: ["sku-gift-card"],
            pointsPerCurrencyUnit: ExactDecimal(scaled: 2 * ExactDecimal.scale), expiryMonths: 12)
    }
}
