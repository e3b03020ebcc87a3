import FoundationEssentials

/// The fields of a person's record, with the limits their checks read (bytes of UTF-8, as the
/// order's buyer).
enum PersonSchema {
    static func text(_ maxBytes: Int) -> JSONValue {
        Schema.described(Schema.text(maxLength: maxBytes), "Not blank; at most \(maxBytes) bytes of UTF-8.")
    }
    static let properties: [String: JSONValue] = [
        "login": text(OrderRules.maxTextBytes), "name": text(OrderRules.maxTextBytes),
        "street": text(OrderRules.maxTextBytes), "postcode": text(OrderRules.maxPostcodeBytes),
        "city": text(OrderRules.maxTextBytes), "phone": text(OrderRules.maxPhoneBytes), "email": EmailRules.schema,
    ]
    static let label = TextRules.textSchema(maxLength: PersonalDataRules.maximumLabelLength)
}

extension CustomerRecordInput: SchemaDescribing {
    public static var schema: JSONValue {
        var properties = PersonSchema.properties
        properties["registeredAt"] = Schema.dateTime
        properties["name"] = Schema.described(PersonSchema.text(OrderRules.maxTextBytes), "The person's or company's.")
        return Schema.object(properties, required: ["registeredAt", "name", "email"])
    }
    public static var example: CustomerRecordInput { PersonalDataExamples.customer }
}

extension CustomerRecord: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string, "login": Schema.string, "registeredAt": Schema.dateTime,
                "name": Schema.string, "street": Schema.string, "postcode": Schema.string, "city": Schema.string,
                "phone": Schema.string, "email": Schema.string,
                "firstSeenAt": Schema.described(Schema.dateTime, "When the data first entered the system."),
                "updatedAt": Schema.dateTime,
            ], required: ["customerId", "registeredAt", "name", "email", "firstSeenAt", "updatedAt"])
    }
    public static var example: CustomerRecord {
        CustomerRecord(
            customerId: PersonalDataExamples.customerId, input: PersonalDataExamples.customer,
            firstSeenAt: Examples.instant, updatedAt: Examples.instant)
    }
}

extension OrderRecord: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orderNumber": Schema.string, "customerId": Schema.string, "login": Schema.string,
                "orderedAt": Schema.dateTime, "name": Schema.string, "street": Schema.string,
                "postcode": Schema.string, "city": Schema.string, "email": Schema.string, "phone": Schema.string,
                "firstSeenAt": Schema.described(Schema.dateTime, "When the data first entered the system."),
            ],
            required: [
                "orderNumber", "orderedAt", "name", "street", "postcode", "city", "email", "phone", "firstSeenAt",
            ])
    }
    public static var example: OrderRecord {
        OrderRecord(
            orderNumber: PersonalDataExamples.orderNumber, customerId: PersonalDataExamples.customerId,
            orderedAt: Examples.instant, buyer: PersonalDataExamples.buyer, firstSeenAt: Examples.instant)
    }
}

extension BuyerOrderEvent: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "eventId": Schema.string, "orderNumber": TextRules.identifierSchema(OrderNumberKind.self),
                "sequence": Schema.integer(minimum: 1),
                "customerId": TextRules.identifierSchema(CustomerIdKind.self), "placedAt": Schema.dateTime,
                "buyer": Buyer.reference,
            ], required: ["eventId", "orderNumber", "sequence", "placedAt", "buyer"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] { [Buyer.self] }
    public static var example: BuyerOrderEvent {
        BuyerOrderEvent(
            eventId: "personal-data:\(Examples.orderNumber):1", orderNumber: PersonalDataExamples.orderNumber,
            sequence: 1, order: OrderDocument.example)
    }
}

extension PersonalDataSearchResult: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "orders": Schema.array(
                    Schema.object(
                        [
                            "orderNumber": Schema.string, "name": Schema.string, "orderedAt": Schema.dateTime,
                            "customerId": Schema.string,
                        ], required: ["orderNumber", "name", "orderedAt"])),
                "customers": Schema.array(
                    Schema.object(
                        [
                            "customerId": Schema.string, "login": Schema.string, "name": Schema.string,
                            "registeredAt": Schema.dateTime,
                        ], required: ["customerId", "name", "registeredAt"])),
                "nextOrdersCursor": Schema.nullable(Schema.string),
                "nextCustomersCursor": Schema.nullable(Schema.string),
            ], required: ["orders", "customers", "nextOrdersCursor", "nextCustomersCursor"])
    }
    public static var example: PersonalDataSearchResult {
        PersonalDataSearchResult(
            orders: [
                OrderHit(
                    orderNumber: PersonalDataExamples.orderNumber, name: PersonalDataExamples.buyer.name,
                    orderedAt: Examples.instant, customerId: PersonalDataExamples.customerId)
            ],
            customers: [
                CustomerHit(
                    customerId: PersonalDataExamples.customerId, login: PersonalDataExamples.buyer.login,
                    name: PersonalDataExamples.buyer.name, registeredAt: PersonalDataExamples.registeredAt)
            ], nextOrdersCursor: "MTA", nextCustomersCursor: "MjA")
    }
}

extension Disclosure: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string, "orderNumber": Schema.string,
                "disclosedAt": Schema.dateTime, "recipient": Schema.string, "scope": Schema.string,
                "recordedBy": Schema.string, "updatedAt": Schema.dateTime,
            ], required: ["id", "disclosedAt", "recipient", "scope", "recordedBy", "updatedAt"])
    }
    public static var example: Disclosure {
        Disclosure(
            id: 1, customerId: PersonalDataExamples.customerId, orderNumber: PersonalDataExamples.orderNumber,
            disclosedAt: Examples.instant, recipient: "Komenda Miejska Policji w Krakowie",
            scope: "Imię i nazwisko, adres, numer telefonu", recordedBy: "admin:owner", updatedAt: Examples.instant)
    }
}

extension DisclosureInput: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "disclosedAt": Schema.dateTime, "recipient": PersonSchema.label,
                "scope": TextRules.textSchema(maxLength: PersonalDataRules.maximumScopeLength),
            ], required: ["disclosedAt", "recipient", "scope"])
    }
    public static var example: DisclosureInput {
        DisclosureInput(
            disclosedAt: Examples.instant, recipient: "Komenda Miejska Policji w Krakowie",
            scope: "Imię i nazwisko, adres, numer telefonu")
    }
}

extension Consent: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "customerId": Schema.string, "purpose": Schema.string, "given": Schema.boolean,
                "at": Schema.dateTime, "source": Schema.string, "recordedBy": Schema.string,
            ], required: ["id", "customerId", "purpose", "given", "at", "source", "recordedBy"])
    }
    public static var example: Consent {
        Consent(
            id: 1, customerId: PersonalDataExamples.customerId, purpose: "newsletter", given: true,
            at: Examples.instant, source: "formularz rejestracji", recordedBy: "storefront:shop")
    }
}

extension ConsentInput: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "purpose": PersonSchema.label, "given": Schema.boolean,
                "at": Schema.described(Schema.dateTime, "When it happened, not in the future; now when left out."),
                "source": PersonSchema.label,
            ], required: ["purpose", "given", "source"])
    }
    public static var example: ConsentInput {
        ConsentInput(purpose: "newsletter", given: true, at: Examples.instant, source: "formularz rejestracji")
    }
}

extension AccessLogEntry: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.integer, "at": Schema.dateTime, "admin": Schema.string,
                "action": Schema.oneOf(PersonalDataAccess.self), "customerId": Schema.string,
                "orderNumber": Schema.string,
            ], required: ["id", "at", "admin", "action"])
    }
    public static var example: AccessLogEntry {
        AccessLogEntry(
            id: 1, at: Examples.instant, admin: "admin:owner", action: .viewed,
            customerId: PersonalDataExamples.customerId, orderNumber: PersonalDataExamples.orderNumber)
    }
}
