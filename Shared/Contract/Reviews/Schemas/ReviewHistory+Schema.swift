import FoundationEssentials

extension ReviewHistoryEntry: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "reviewId": Schema.integer, "at": Schema.dateTime,
                "actor": Schema.described(Schema.string, "admin:<key label>, storefront:<label> or customer:<id>."),
                "action": Schema.oneOf(ReviewAction.self), "changes": Schema.array(ReviewFieldChange.reference),
            ], required: ["reviewId", "at", "actor", "action", "changes"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ReviewFieldChange.self] }
    public static var example: ReviewHistoryEntry {
        ReviewHistoryEntry(
            reviewId: ReviewsExamples.reviewId, at: Examples.instant, actor: "admin:owner", action: .edited,
            changes: [ReviewFieldChange(field: "rating", from: .number(5), to: .number(4))])
    }
}

extension ReviewFieldChange: SchemaDescribing {
    public static var schema: JSONValue {
        let value = JSONValue.object(["type": .array([.string("string"), .string("integer"), .string("boolean")])])
        return Schema.object(
            [
                "field": Schema.oneOf(["comment", "rating", "active", "moderated"]),
                "from": Schema.described(value, "Absent when the review was created."),
                "to": Schema.described(value, "Absent when the review was deleted."),
            ], required: ["field"])
    }
    public static var example: ReviewFieldChange {
        ReviewFieldChange(field: "active", from: .flag(false), to: .flag(true))
    }
}

extension ReviewOrderEvent: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "eventId": Schema.string, "orderNumber": TextRules.identifierSchema(OrderNumberKind.self),
                "sequence": Schema.integer(minimum: 1),
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
                "productIds": Schema.array(TextRules.identifierSchema(ProductIdKind.self)),
                "status": OrderStatus.reference,
            ], required: ["eventId", "orderNumber", "sequence", "productIds", "status"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [OrderStatus.self] }
    public static var example: ReviewOrderEvent {
        ReviewOrderEvent(
            eventId: "reviews:\(Examples.orderNumber):1", orderNumber: OrderNumber(stringLiteral: Examples.orderNumber),
            sequence: 1, order: OrderDocument.example)
    }
}
