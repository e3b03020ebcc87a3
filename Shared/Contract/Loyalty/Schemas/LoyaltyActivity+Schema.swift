extension ActivityAward: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string, "awarded": Schema.integer, "firstTime": Schema.boolean,
                "points": Schema.integer,
            ], required: ["customerId", "awarded", "firstTime", "points"])
    }
    public static var example: ActivityAward {
        ActivityAward(customerId: Examples.customerId, awarded: 50, firstTime: true, points: 550)
    }
}

extension OrderAwardState: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(OrderAwardState.self) }
    public static var example: OrderAwardState { .credited }
}

extension OrderEventOutcome: SchemaDescribing {
    public static var schema: JSONValue { Schema.oneOf(OrderEventOutcome.self) }
    public static var example: OrderEventOutcome { .applied }
}

extension OrderAward: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "rule": RuleReference.reference, "points": Schema.integer, "trigger": OrderStatus.reference,
                "state": OrderAwardState.reference, "reversed": Schema.integer,
            ], required: ["rule", "points", "trigger", "state", "reversed"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [RuleReference.self, OrderStatus.self, OrderAwardState.self]
    }
    public static var example: OrderAward {
        OrderAward(rule: .example, points: 20, trigger: .fulfilled, state: .credited, reversed: 0)
    }
}

extension OrderPoints: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orderNumber": Schema.string, "customerId": Schema.string, "status": OrderStatus.reference,
                "lastSequence": Schema.integer, "outcome": OrderEventOutcome.reference,
                "awards": Schema.array(OrderAward.reference),
            ], required: ["orderNumber", "status", "lastSequence", "awards"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [OrderStatus.self, OrderEventOutcome.self, OrderAward.self]
    }
    public static var example: OrderPoints {
        OrderPoints(
            orderNumber: Examples.orderNumber, customerId: Examples.customerId, status: .fulfilled, lastSequence: 3,
            outcome: .applied, awards: [.example])
    }
}

extension ReviewPublishedEvent: InternalBody {}
extension OrderEvent: InternalBody {}
extension PointDebitRequest: InternalBody {}
extension PointDebit: InternalBody {}
