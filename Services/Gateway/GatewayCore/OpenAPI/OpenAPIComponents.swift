import Contract

/// The schemas of the OpenAPI document written out by hand: the envelopes every route shares and
/// the gateway's own bodies. The services' bodies come from their contract types
/// (`SchemaDescribing`), through the route declarations.
enum OpenAPIComponents {
    /// Every named schema: these and those the declarations of `routes` refer to.
    static func schemas(for routes: [PublicRoute]) -> [String: JSONValue] {
        var schemas = core.merging(gateway) { first, _ in first }
        for route in routes {
            for body in [route.declaration.request, route.declaration.response] {
                schemas.merge(body.components) { first, _ in first }
            }
        }
        return schemas
    }

    static let core: [String: JSONValue] = [
        "ErrorEnvelope": Schema.object(
            [
                "error": Schema.object(
                    [
                        "code": .object([
                            "type": .string("string"), "description": .string("Stable snake_case code to branch on."),
                        ]),
                        "message": Schema.string,
                        "details": .object([
                            "type": .string("object"),
                            "description": .string("Specifics, e.g. `field` naming the offending field of a 422."),
                        ]),
                    ], required: ["code", "message"]),
                "requestId": Schema.string,
            ], required: ["error"], description: "The body of every non-2xx answer."),
        "Page": Schema.object(
            [
                "items": Schema.array(.object([:])),
                "nextCursor": Schema.nullable(
                    .object([
                        "type": .string("string"),
                        "description": .string("Pass as `cursor` for the next page; null on the last."),
                    ])),
            ], required: ["items", "nextCursor"],
            description: "One page of a list (`limit` 1–500, default 50; `cursor`)."),
        "Health": Schema.object(
            ["status": Schema.string, "service": Schema.string, "version": Schema.string], required: ["status"]),
        "ServiceReadiness": Schema.object(
            [
                "status": Schema.oneOf([
                    "ready", "starting", "not ready", "unreachable", "unconfigured", "crashLooping",
                ]),
                "version": Schema.string,
                "url": Schema.string,
                "restarts": Schema.integer,
                "lastExit": Schema.string,
            ], required: ["status"]),
        "ReadyReport": Schema.object(
            [
                "status": Schema.oneOf(["ready", "degraded"]),
                "service": Schema.string,
                "version": Schema.string,
                "services": .object(["type": .string("object"), "additionalProperties": Schema.ref("ServiceReadiness")]
                ),
            ], required: ["status"]),
        "ServiceStatus": Schema.object(
            [
                "service": Schema.string, "version": Schema.string, "database": Schema.string,
                "databaseReads": Schema.integer, "databaseWrites": Schema.integer, "outboxPending": Schema.integer,
                "residentBytes": Schema.integer,
            ], required: ["service", "version"]),
    ]

    static let gateway: [String: JSONValue] = [
        "OrderStatus": OrderStatus.schema,
        "CustomerTokenRequest": Schema.object(
            [
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
                "ttlSeconds": .object([
                    "type": .array([.string("integer"), .string("null")]), "minimum": .number(1),
                    "maximum": .number(Double(CustomerTokenRequest.maxTTLSeconds)),
                    "default": .number(Double(CustomerTokenRequest.defaultTTLSeconds)),
                    "description": .string("Lifetime in seconds; absent or null gives the default."),
                ]),
            ], required: ["customerId"]),
        "CustomerToken": Schema.object(
            [
                "token": .object([
                    "type": .string("string"), "description": .string("Send as `Authorization: Bearer <token>`."),
                ]),
                "expiresAt": Schema.dateTime,
            ], required: ["token", "expiresAt"]),
        "AdminSessionRequest": Schema.object(
            ["key": Schema.described(Schema.string, "An admin API key (the body is at most 4 KiB).")], required: ["key"]
        ),
        "AdminSession": Schema.object(
            [
                "admin": Schema.text(maxLength: 200, description: "The admin key's label."),
                "csrfToken": Schema.text(
                    maxLength: 64, description: "Repeat as `X-CSRF-Token` on every call that changes something."),
                "expiresAt": Schema.dateTime,
            ], required: ["admin", "csrfToken", "expiresAt"]),
        "Buyer": Schema.object(
            [
                "login": Schema.text(maxLength: OrderRules.maxTextBytes),
                "name": Schema.text(maxLength: OrderRules.maxTextBytes),
                "street": Schema.text(maxLength: OrderRules.maxTextBytes),
                "postcode": Schema.text(maxLength: OrderRules.maxPostcodeBytes),
                "city": Schema.text(maxLength: OrderRules.maxTextBytes),
                "email": .object(["type": .string("string"), "format": .string("email")]),
                "phone": Schema.text(maxLength: OrderRules.maxPhoneBytes),
            ], required: ["name", "street", "postcode", "city", "email", "phone"],
            description: "Personal data: only the personal-data registry keeps it."),
        "OrderLine": Schema.object(
            [
                "productId": TextRules.identifierSchema(ProductIdKind.self),
                "name": Schema.text(maxLength: OrderRules.maxTextBytes),
                "category": Schema.text(maxLength: OrderRules.maxTextBytes),
                "quantity": .object([
                    "type": .string("integer"), "minimum": .number(1),
                    "maximum": .number(Double(OrderRules.maxQuantity)),
                ]),
                "unitNet": Schema.unitPrice, "unitGross": Schema.unitPrice,
            ], required: ["productId", "name", "quantity", "unitNet", "unitGross"]),
        "ShippingCost": Schema.object(
            ["net": Schema.orderAmount, "gross": Schema.orderAmount], required: ["net", "gross"]),
        "OrderDocument": Schema.object(
            [
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
                "buyer": Schema.ref("Buyer"),
                "currency": .object([
                    "type": .string("string"), "pattern": .string("^[A-Z]{3}$"),
                    "description": .string("ISO 4217 code."),
                ]),
                "lines": .object([
                    "type": .string("array"), "items": Schema.ref("OrderLine"), "minItems": .number(1),
                    "maxItems": .number(Double(OrderRules.maxLines)),
                ]),
                "shipping": Schema.ref("ShippingCost"),
                "totalNet": Schema.orderTotal, "totalGross": Schema.orderTotal,
                "discountCode": TextRules.identifierSchema(DiscountCodeKind.self),
                "status": Schema.ref("OrderStatus"),
                "placedAt": Schema.dateTime,
                "refundedNet": Schema.orderRefund, "refundedGross": Schema.orderRefund,
            ], required: ["buyer", "currency", "lines", "shipping", "totalNet", "totalGross", "status", "placedAt"],
            description: "The whole order, sent again after every change."),
        "OrderDelivery": Schema.object(
            [
                "receiver": Schema.string, "service": Schema.string, "eventId": Schema.string,
                "sequence": Schema.integer,
                "state": Schema.oneOf(["pending", "delivered", "failed"]), "attempts": Schema.integer,
                "createdAt": Schema.dateTime, "deliveredAt": Schema.dateTime, "nextAttemptAt": Schema.dateTime,
                "lastError": Schema.string,
            ], required: ["receiver", "service", "eventId", "sequence", "state", "attempts", "createdAt"]),
        "OrderAcceptance": Schema.object(
            [
                "orderNumber": Schema.string, "sequence": Schema.integer, "changed": Schema.boolean,
                "deliveries": Schema.array(Schema.ref("OrderDelivery")),
            ], required: ["orderNumber", "sequence", "changed", "deliveries"]),
        "OrderDeliveries": Schema.object(
            [
                "orderNumber": Schema.string, "sequence": Schema.integer, "updatedAt": Schema.dateTime,
                "receivers": Schema.array(
                    Schema.object(
                        [
                            "receiver": Schema.string, "service": Schema.string, "deliveredSequence": Schema.integer,
                            "delivered": Schema.integer, "pending": Schema.integer, "failed": Schema.integer,
                            "events": Schema.array(Schema.ref("OrderDelivery")),
                        ], required: ["receiver", "service", "delivered", "pending", "failed", "events"])),
            ], required: ["orderNumber", "sequence", "updatedAt", "receivers"]),
    ]
}

extension Schema {
    /// An order's shipping cost in minor units: 0 to `OrderRules.maxAmount`.
    static let orderAmount: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
        "maximum": .number(Double(OrderRules.maxAmount)),
        "description": .string("Minor units (grosze, haléře, cents)."),
    ])

    /// An order's total in minor units. Its bound is stated in words, not as `maximum`: a total
    /// must equal its lines plus shipping, so no total is valid on its own, the bound included.
    static let orderTotal = bounded(
        "Minor units: the lines (quantity × unit price) plus shipping, within one minor unit per line and one for "
            + "shipping; at most \(OrderRules.maxAmount).")

    /// What was refunded of an order, bounded by its total (so, as the total, not by `maximum`).
    static let orderRefund = bounded("Minor units refunded so far; at most the total (totalNet, totalGross).")

    /// A non-negative amount whose upper bound depends on other fields, as `description` says.
    private static func bounded(_ description: String) -> JSONValue {
        .object([
            "type": .string("integer"), "format": .string("int64"), "minimum": .number(0),
            "description": .string(description),
        ])
    }

    /// A unit price in minor units; negative for a discount line, at most `OrderRules.maxUnitAmount`
    /// either way.
    static let unitPrice: JSONValue = .object([
        "type": .string("integer"), "format": .string("int64"),
        "minimum": .number(Double(-OrderRules.maxUnitAmount)), "maximum": .number(Double(OrderRules.maxUnitAmount)),
        "description": .string("Minor units; negative for a discount line (a coupon, a rebate)."),
    ])
}
