import FoundationEssentials

extension OrderDelivery: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "receiver": Schema.string, "service": Schema.string, "eventId": Schema.string,
                "sequence": Schema.integer,
                "state": Schema.oneOf(["pending", "delivered", "failed"]), "attempts": Schema.integer,
                "createdAt": Schema.dateTime, "deliveredAt": Schema.dateTime, "nextAttemptAt": Schema.dateTime,
                "lastError": Schema.string,
            ], required: ["receiver", "service", "eventId", "sequence", "state", "attempts", "createdAt"])
    }
    public static var example: OrderDelivery {
        OrderDelivery(
            receiver: "loyalty", service: "loyalty", eventId: "loyalty:\(Examples.orderNumber):1", sequence: 1,
            state: "pending", attempts: 1, createdAt: Examples.instant, deliveredAt: Examples.instant,
            nextAttemptAt: Examples.instant, lastError: "503 unavailable: the receiver is restarting")
    }
}

extension OrderAcceptance: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orderNumber": Schema.string, "sequence": Schema.integer, "changed": Schema.boolean,
                "deliveries": Schema.array(OrderDelivery.reference),
            ], required: ["orderNumber", "sequence", "changed", "deliveries"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [OrderDelivery.self] }
    public static var example: OrderAcceptance {
        OrderAcceptance(orderNumber: Examples.orderNumber, sequence: 1, changed: true, deliveries: [.example])
    }
}

extension OrderDeliveries: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orderNumber": Schema.string, "sequence": Schema.integer, "updatedAt": Schema.dateTime,
                "receivers": Schema.array(
                    Schema.object(
                        [
                            "receiver": Schema.string, "service": Schema.string, "deliveredSequence": Schema.integer,
                            "delivered": Schema.integer, "pending": Schema.integer, "failed": Schema.integer,
                            "events": Schema.array(OrderDelivery.reference),
                        ], required: ["receiver", "service", "delivered", "pending", "failed", "events"])),
            ], required: ["orderNumber", "sequence", "updatedAt", "receivers"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [OrderDelivery.self] }
    public static var example: OrderDeliveries {
        OrderDeliveries(
            orderNumber: Examples.orderNumber, sequence: 2, updatedAt: Examples.instant,
            receivers: [
                Receiver(
                    receiver: "loyalty", service: "loyalty", deliveredSequence: 1, delivered: 1, pending: 1, failed: 0,
                    events: [.example])
            ])
    }
}
