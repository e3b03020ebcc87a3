import FoundationEssentials

extension AssignmentCriteria: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "ordersValueFrom": Schema.integer(minimum: 0, maximum: OrderRules.maxAmount),
                "ordersCountFrom": Schema.integer(minimum: 1),
                "orderedFrom": Schema.dateTime,
                "orderedTo": Schema.described(Schema.dateTime, "Not before orderedFrom."),
                "notify": Schema.described(Schema.boolean, "E-mail each customer their code."),
            ],
            description:
                "At least one of ordersValueFrom, ordersCountFrom, orderedFrom, orderedTo. Orders in the campaign's "
                + "currency count, cancelled and refunded ones do not; with a date window, value and count are those "
                + "of the orders placed within it.")
    }
    public static var example: AssignmentCriteria {
        AssignmentCriteria(
            ordersValueFrom: 50_000, ordersCountFrom: 2, orderedFrom: Examples.instant, orderedTo: Examples.expiry,
            notify: true)
    }
}

extension AssignmentResult: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "matched": Schema.integer, "assigned": Schema.integer, "alreadyAssigned": Schema.integer,
                "notified": Schema.integer,
            ], required: ["matched", "assigned", "alreadyAssigned", "notified"])
    }
    public static var example: AssignmentResult {
        AssignmentResult(matched: 3, assigned: 2, alreadyAssigned: 1, notified: 2)
    }
}

extension CodePurchaseRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(["customerId": TextRules.identifierSchema(CustomerIdKind.self)], required: ["customerId"])
    }
    public static var example: CodePurchaseRequest { CodePurchaseRequest(customerId: DiscountsExamples.customerId) }
}

extension CodePurchase: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "code": Schema.string, "campaignId": Schema.integer, "customerId": Schema.string,
                "pointsSpent": Schema.integer, "purchasedAt": Schema.dateTime,
            ], required: ["code", "campaignId", "customerId", "pointsSpent", "purchasedAt"])
    }
    public static var example: CodePurchase {
        CodePurchase(
            code: DiscountsExamples.code, campaignId: DiscountsExamples.campaignId,
            customerId: DiscountsExamples.customerId, pointsSpent: 500, purchasedAt: Examples.instant)
    }
}

extension CustomerCode: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "code": Schema.string, "campaignId": Schema.integer, "campaignName": Schema.string,
                "discount": CampaignDiscount.reference, "currency": Schema.string, "minOrderValue": Schema.integer,
                "validFrom": Schema.dateTime, "validTo": Schema.dateTime, "active": Schema.boolean,
                "used": Schema.boolean,
            ], required: ["code", "campaignId", "campaignName", "discount", "currency", "active", "used"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [CampaignDiscount.self] }
    public static var example: CustomerCode {
        CustomerCode(
            code: DiscountsExamples.code, campaignId: DiscountsExamples.campaignId, campaignName: "Spring sale",
            discount: DiscountsExamples.discount, currency: "PLN", minOrderValue: 5_000, validFrom: Examples.instant,
            validTo: Examples.expiry, active: true, used: false)
    }
}

/// Sent only by the gateway's order fan-out, so not documented as a public body.
extension DiscountOrderEvent: InternalBody {}
