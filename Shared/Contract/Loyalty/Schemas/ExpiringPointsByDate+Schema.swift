extension ExpiringPointsByDate.Day: SchemaDescribing {
    public static var schemaName: String { "ExpiringPointsOnDate" }
    public static var schema: JSONValue {
        Schema.object(
            ["date": .object(["type": .string("string"), "format": .string("date")]), "points": Schema.integer],
            required: ["date", "points"])
    }
    public static var example: ExpiringPointsByDate.Day { .init(date: "2027-11-23", points: 120) }
}

extension ExpiringPointsByDate: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            ["customerId": Schema.string, "points": Schema.integer, "dates": Schema.array(Day.reference)],
            required: ["customerId", "points", "dates"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [Day.self] }
    public static var example: ExpiringPointsByDate {
        ExpiringPointsByDate(customerId: Examples.customerId, points: 120, dates: [.example])
    }
}
