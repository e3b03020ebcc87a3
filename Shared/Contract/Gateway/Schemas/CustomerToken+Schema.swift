import FoundationEssentials

extension CustomerTokenRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": TextRules.identifierSchema(CustomerIdKind.self),
                "ttlSeconds": .object([
                    "type": .array([.string("integer"), .string("null")]), "minimum": .number(1),
                    "maximum": .number(Double(maxTTLSeconds)), "default": .number(Double(defaultTTLSeconds)),
                    "description": .string("Lifetime in seconds; absent or null gives the default."),
                ]),
            ], required: ["customerId"])
    }
    public static var example: CustomerTokenRequest {
        CustomerTokenRequest(customerId: CustomerId(stringLiteral: Examples.customerId), ttlSeconds: 3_600)
    }
}

extension CustomerToken: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "token": Schema.described(Schema.string, "Send as `Authorization: Bearer <token>`."),
                "expiresAt": Schema.dateTime,
            ], required: ["token", "expiresAt"])
    }
    public static var example: CustomerToken {
        CustomerToken(token: "eyJzdWIiOiJjLTEwMDEifQ.c2lnbmF0dXJl", expiresAt: Examples.instant)
    }
}
