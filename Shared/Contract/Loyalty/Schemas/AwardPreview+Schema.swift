extension AwardPreviewRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "award": Award.reference,
                "orderValue": Schema.integer(minimum: 0, description: "The example order's value, in minor units."),
                "coefficient": Schema.described(
                    Coefficient.schemaValue, "The customer's coefficient to try; 1 when left out."),
            ], required: ["award", "orderValue"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [Award.self] }
    public static var example: AwardPreviewRequest {
        AwardPreviewRequest(award: Award.example, orderValue: 10_393, coefficient: .one)
    }
}

extension AwardPreview: SchemaDescribing {
    public static var schema: JSONValue { Schema.object(["points": Schema.integer], required: ["points"]) }
    public static var example: AwardPreview { AwardPreview(points: 20) }
}
