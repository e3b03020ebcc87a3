import FoundationEssentials

extension PrivacySubject: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "service": Schema.string, "customerId": Schema.string,
                "holds": Schema.described(Schema.anyObject, "Kind of record → the records, as the service keeps them."),
            ], required: ["service", "customerId", "holds"])
    }
    public static var example: PrivacySubject {
        PrivacySubject(
            service: "reviews", customerId: CustomerId(stringLiteral: Examples.customerId),
            holds: ["reviews": .array([.object(["id": .number(1), "rating": .number(5)])])])
    }
}

extension SubjectErasure: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["erasureId": Schema.string, "customerId": TextRules.identifierSchema(CustomerIdKind.self)],
            required: ["erasureId", "customerId"])
    }
    public static var example: SubjectErasure {
        SubjectErasure(erasureId: "e-1", customerId: CustomerId(stringLiteral: Examples.customerId))
    }
}

extension SubjectErasureOutcome: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["service": Schema.string, "erasureId": Schema.string, "anonymized": Schema.integer(minimum: 0)],
            required: ["service", "erasureId", "anonymized"])
    }
    public static var example: SubjectErasureOutcome {
        SubjectErasureOutcome(service: "reviews", erasureId: "e-1", anonymized: 3)
    }
}
