import FoundationEssentials

extension HistoryKind: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(HistoryKind.self) }
    public static var example: HistoryKind { .adjustment }
}

extension RuleReference: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["id": Schema.integer, "name": Schema.string], required: ["id", "name"])
    }
    public static var example: RuleReference { RuleReference(id: 1, name: "1 point per 5 PLN") }
}

extension HistoryCause: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object([
            "rule": RuleReference.reference, "orderNumber": Schema.string, "reviewId": Schema.string,
            "exchangeOrderId": Schema.integer, "debitId": Schema.string, "actor": Schema.string,
            "reason": Schema.string,
        ])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [RuleReference.self] }
    public static var example: HistoryCause {
        HistoryCause(
            rule: .example, orderNumber: Examples.orderNumber, reviewId: "r-7", exchangeOrderId: 1, debitId: "d-1",
            actor: "admin", reason: "Goodwill for a late parcel.")
    }
}

extension HistoryEntry: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string, "kind": HistoryKind.reference,
                "points": Schema.integer, "pendingPoints": Schema.integer, "balanceAfter": Schema.integer,
                "pendingAfter": Schema.integer, "createdAt": Schema.dateTime,
                "expiresAt": Schema.described(Schema.dateTime, "For credited points; absent when they never expire."),
                "cause": HistoryCause.reference,
            ],
            required: [
                "id", "customerId", "kind", "points", "pendingPoints", "balanceAfter", "pendingAfter", "createdAt",
                "cause",
            ])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [HistoryKind.self, HistoryCause.self] }
    public static var example: HistoryEntry {
        HistoryEntry(
            id: 1, customerId: Examples.customerId, kind: .adjustment, points: 500, pendingPoints: 0,
            balanceAfter: 500, pendingAfter: 0, createdAt: Examples.instant, expiresAt: Examples.expiry,
            cause: .example)
    }
}
