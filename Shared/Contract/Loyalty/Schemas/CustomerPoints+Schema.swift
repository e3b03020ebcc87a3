import FoundationEssentials

extension ExpiringPoints: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["points": Schema.integer, "expiresAt": Schema.dateTime], required: ["points", "expiresAt"])
    }
    public static var example: ExpiringPoints { ExpiringPoints(points: 120, expiresAt: Examples.expiry) }
}

extension Coefficient {
    /// A coefficient on the wire: a number in (0, 1000] with at most four decimal places.
    public static var schemaValue: JSONValue {
        .object([
            "type": .string("number"), "exclusiveMinimum": .number(0),
            "maximum": .number(Double(maximumScaled / ExactDecimal.scale)), "multipleOf": .number(0.0001),
        ])
    }
}

extension CustomerPoints: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string, "points": Schema.integer, "pendingPoints": Schema.integer,
                "coefficient": Coefficient.schemaValue,
                "expiringPoints": Schema.array(ExpiringPoints.reference),
                "exchangeOrderCount": Schema.integer, "newsletterSignedUp": Schema.boolean,
            ],
            required: [
                "customerId", "points", "pendingPoints", "coefficient", "expiringPoints", "exchangeOrderCount",
                "newsletterSignedUp",
            ])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ExpiringPoints.self] }
    public static var example: CustomerPoints {
        CustomerPoints(
            customerId: Examples.customerId, points: 350, pendingPoints: 40, coefficient: Coefficient("1.5") ?? .one,
            expiringPoints: [.example], exchangeOrderCount: 1, newsletterSignedUp: true)
    }
}

extension CoefficientUpdate: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["coefficient": Coefficient.schemaValue], required: ["coefficient"])
    }
    public static var example: CoefficientUpdate { CoefficientUpdate(coefficient: Coefficient("1.5") ?? .one) }
}

extension PointsAdjustmentRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "points": .object([
                    "type": .string("integer"), "format": .string("int64"),
                    "exclusiveMinimum": .number(Double(Int64.min)), "not": .object(["const": .number(0)]),
                    "description": .string("Signed, not 0: negative subtracts."),
                ]),
                "reason": TextRules.textSchema(maxLength: maximumReasonLength),
            ], required: ["points", "reason"])
    }
    public static var example: PointsAdjustmentRequest {
        PointsAdjustmentRequest(points: 500, reason: "Goodwill for a late parcel.")
    }
}

extension PointsAdjustmentResult: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string, "points": Schema.integer, "pendingPoints": Schema.integer,
                "entry": HistoryEntry.reference,
            ], required: ["customerId", "points", "pendingPoints", "entry"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [HistoryEntry.self] }
    public static var example: PointsAdjustmentResult {
        PointsAdjustmentResult(customerId: Examples.customerId, points: 500, pendingPoints: 0, entry: .example)
    }
}

extension BulkAdjustmentResult: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "rows": Schema.integer, "customers": Schema.integer, "pointsAdded": Schema.integer,
                "pointsRemoved": Schema.integer,
            ], required: ["rows", "customers", "pointsAdded", "pointsRemoved"])
    }
    public static var example: BulkAdjustmentResult {
        BulkAdjustmentResult(rows: 2, customers: 2, pointsAdded: 500, pointsRemoved: 100)
    }
}
