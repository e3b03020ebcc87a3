extension DeadLetter: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "eventId": Schema.string, "service": Schema.string, "route": Schema.string,
                "state": Schema.oneOf(["failed", "pending"]), "attempts": Schema.integer,
                "createdAt": Schema.dateTime,
                "lastError": Schema.described(Schema.string, "The receiver's answer to the last attempt."),
            ], required: ["eventId", "service", "route", "state", "attempts", "createdAt"])
    }
    public static var example: DeadLetter {
        DeadLetter(
            eventId: "loyalty:\(Examples.orderNumber):1", service: "loyalty", route: "POST /v1/orders/events",
            state: "failed", attempts: 1, createdAt: Examples.instant,
            lastError: "422 invalid_order: lines[0].quantity is out of range")
    }
}
