import Contract

/// The reusable schemas of the OpenAPI document: the envelopes every route shares, the
/// gateway's own bodies, and each service's bodies (in `OpenAPIComponents+<Service>.swift`).
enum OpenAPIComponents {
    /// Every named schema.
    static var schemas: [String: JSONValue] {
        core.merging(gateway) { first, _ in first }.merging(loyalty) { first, _ in first }
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
                "status": Schema.oneOf(["ready", "starting", "not ready", "unreachable", "unconfigured"]),
                "version": Schema.string,
                "url": Schema.string,
            ], required: ["status"]),
        "ReadyReport": Schema.object(
            [
                "status": Schema.oneOf(["ready", "degraded"]),
                "service": Schema.string,
                "version": Schema.string,
                "services": .object(["type": .string("object"), "additionalProperties": Schema.ref("ServiceReadiness")]
                ),
            ], required: ["status", "services"]),
        "ServiceStatus": Schema.object(
            [
                "service": Schema.string, "version": Schema.string, "database": Schema.string,
                "databaseReads": Schema.integer, "databaseWrites": Schema.integer, "outboxPending": Schema.integer,
                "residentBytes": Schema.integer,
            ], required: ["service", "version"]),
    ]

    static let gateway: [String: JSONValue] = [
        "CustomerTokenRequest": Schema.object(
            [
                "customerId": Schema.text(
                    maxLength: 256, description: "The storefront's customer id (at most 256 UTF-8 bytes)."),
                "ttlSeconds": .object([
                    "type": .string("integer"), "minimum": .number(1), "maximum": .number(86_400),
                    "default": .number(3_600), "description": .string("Lifetime in seconds."),
                ]),
            ], required: ["customerId"]),
        "CustomerToken": Schema.object(
            [
                "token": .object([
                    "type": .string("string"), "description": .string("Send as `Authorization: Bearer <token>`."),
                ]),
                "expiresAt": Schema.dateTime,
            ], required: ["token", "expiresAt"]),
        "OrderStatus": Schema.oneOf(OrderStatus.allCases.map(\.rawValue)),
        "Buyer": Schema.object(
            [
                "login": Schema.text(maxLength: 256), "name": Schema.text(maxLength: 256),
                "street": Schema.text(maxLength: 256),
                "postcode": Schema.text(maxLength: 32), "city": Schema.text(maxLength: 256),
                "email": .object(["type": .string("string"), "format": .string("email")]),
                "phone": Schema.text(maxLength: 64),
            ], required: ["name", "street", "postcode", "city", "email", "phone"],
            description: "Personal data: only the personal-data registry keeps it."),
        "OrderLine": Schema.object(
            [
                "productId": Schema.text(maxLength: 200), "name": Schema.text(maxLength: 256),
                "category": Schema.text(maxLength: 256),
                "quantity": .object(["type": .string("integer"), "minimum": .number(1)]),
                "unitNet": Schema.money, "unitGross": Schema.money,
            ], required: ["productId", "name", "quantity", "unitNet", "unitGross"]),
        "ShippingCost": Schema.object(["net": Schema.money, "gross": Schema.money], required: ["net", "gross"]),
        "OrderDocument": Schema.object(
            [
                "customerId": Schema.text(maxLength: 200),
                "buyer": Schema.ref("Buyer"),
                "currency": .object([
                    "type": .string("string"), "pattern": .string("^[A-Z]{3}$"),
                    "description": .string("ISO 4217 code."),
                ]),
                "lines": .object([
                    "type": .string("array"), "items": Schema.ref("OrderLine"), "minItems": .number(1),
                    "maxItems": .number(1000),
                ]),
                "shipping": Schema.ref("ShippingCost"),
                "totalNet": Schema.money, "totalGross": Schema.money,
                "discountCode": Schema.text(maxLength: 64),
                "status": Schema.ref("OrderStatus"),
                "placedAt": Schema.dateTime,
                "refundedNet": Schema.money, "refundedGross": Schema.money,
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
        "DeadLetter": Schema.object(
            [
                "eventId": Schema.string, "service": Schema.string, "route": Schema.string,
                "state": Schema.oneOf(["failed", "pending"]), "attempts": Schema.integer,
                "createdAt": Schema.dateTime, "lastError": Schema.string,
            ], required: ["eventId", "service", "route", "state", "attempts", "createdAt"]),
    ]
}
