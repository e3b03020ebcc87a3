import FoundationEssentials

extension ExchangeOrderItemRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": TextRules.identifierSchema(ProductIdKind.self),
                "quantity": Schema.integer(minimum: 1, maximum: ExchangeOrderRequest.maximumQuantity),
            ], required: ["productId", "quantity"])
    }
    public static var example: ExchangeOrderItemRequest {
        ExchangeOrderItemRequest(productId: Examples.productId, quantity: 1)
    }
}

extension ExchangeOrderRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "items": .object([
                    "type": .string("array"), "items": ExchangeOrderItemRequest.reference, "minItems": .number(1),
                    "maxItems": .number(Double(maximumItems)),
                    "description": .string("Each product at most once."),
                ])
            ], required: ["items"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [ExchangeOrderItemRequest.self] }
    public static var example: ExchangeOrderRequest { ExchangeOrderRequest(items: [.example]) }
}

extension ExchangeOrderItem: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "productId": Schema.string, "name": Schema.string, "category": Schema.string,
                "quantity": Schema.integer, "unitPoints": Schema.integer, "points": Schema.integer,
            ], required: ["productId", "name", "quantity", "unitPoints", "points"])
    }
    public static var example: ExchangeOrderItem {
        ExchangeOrderItem(
            productId: Examples.productId, name: "Mug", category: "kitchen", quantity: 1, unitPoints: 300, points: 300)
    }
}

extension ExchangeOrderStatus: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(ExchangeOrderStatus.self) }
    public static var example: ExchangeOrderStatus { .placed }
}

extension ExchangeOrder: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string, "items": Schema.array(ExchangeOrderItem.reference),
                "points": Schema.integer, "status": ExchangeOrderStatus.reference, "exchanged": Schema.boolean,
                "note": Schema.string, "createdAt": Schema.dateTime, "exchangedAt": Schema.dateTime,
                "rejectedAt": Schema.dateTime, "rejectionReason": Schema.string,
                "placedBy": Schema.described(Schema.string, "Shown to the admin only."),
            ], required: ["id", "customerId", "items", "points", "status", "createdAt"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [ExchangeOrderItem.self, ExchangeOrderStatus.self]
    }
    public static var example: ExchangeOrder {
        ExchangeOrder(
            id: 1, customerId: Examples.customerId, items: [.example], points: 300, status: .placed, exchanged: true,
            note: "Ready for pickup.", createdAt: Examples.instant, exchangedAt: Examples.instant,
            rejectedAt: Examples.instant, rejectionReason: "Out of stock.", placedBy: "storefront:shop")
    }
}

extension ExchangedUpdate: SchemaDescribing {
    public static var schema: JSONValue { Schema.object(["exchanged": Schema.boolean], required: ["exchanged"]) }
    public static var example: ExchangedUpdate { ExchangedUpdate(exchanged: false) }
}

extension ExchangeRejectionRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object([
            "reason": .object([
                "type": .string("string"), "maxLength": .number(Double(TextRules.maximumReasonLength)),
                "description": .string("Shown to the customer; blank or absent gives none."),
            ])
        ])
    }
    public static var example: ExchangeRejectionRequest { ExchangeRejectionRequest(reason: "Out of stock.") }
}
