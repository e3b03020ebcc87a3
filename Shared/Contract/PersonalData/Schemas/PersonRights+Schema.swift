import FoundationEssentials

extension PersonalDataExport: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string, "generatedAt": Schema.dateTime,
                "customer": Schema.nullable(CustomerRecord.reference), "orders": Schema.array(OrderRecord.reference),
                "disclosures": Schema.array(Disclosure.reference), "consents": Schema.array(Consent.reference),
                "services": Schema.array(PrivacySubject.reference),
            ],
            required: ["customerId", "generatedAt", "customer", "orders", "disclosures", "consents", "services"])
    }
    public static var referencedTypes: [any SchemaDescribing.Type] {
        [CustomerRecord.self, OrderRecord.self, Disclosure.self, Consent.self, PrivacySubject.self]
    }
    public static var example: PersonalDataExport {
        PersonalDataExport(
            customerId: PersonalDataExamples.customerId, generatedAt: Examples.instant, customer: .example,
            orders: [.example], disclosures: [.example], consents: [.example], services: [.example])
    }
}

extension ErasureRequest: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "confirmationToken": Schema.described(
                    Schema.text(maxLength: 64), "Leave out to ask for one; send the one you got to erase.")
            ])
    }
    public static var example: ErasureRequest {
        ErasureRequest(confirmationToken: "k9Xz2QvB8mT4pL7wR1sD5fG3hJ6nC0aE")
    }
}

extension ErasureStep: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "customerId": Schema.string,
                "confirmationToken": Schema.described(Schema.string, "First step: send it back to erase."),
                "expiresAt": Schema.described(Schema.dateTime, "First step: when the token stops working."),
                "orders": Schema.described(Schema.integer(minimum: 0), "First step: orders whose buyer is anonymized."),
                "registered": Schema.described(Schema.boolean, "First step: the customer base holds the customer."),
                "id": Schema.described(Schema.string, "Second step (202): the erasure, for GET /erasures/{id}."),
            ], required: ["customerId"])
    }
    public static var example: ErasureStep {
        ErasureStep(
            customerId: PersonalDataExamples.customerId, confirmationToken: "k9Xz2QvB8mT4pL7wR1sD5fG3hJ6nC0aE",
            expiresAt: Examples.instant.addingTimeInterval(600), orders: 2, registered: true, id: "e-1")
    }
}

extension ErasureProgress: SchemaDescribing {
    public static var schema: JSONValue {
        Schema.object(
            [
                "id": Schema.string, "pseudonym": Schema.string, "requestedAt": Schema.dateTime,
                "requestedBy": Schema.string,
                "services": Schema.array(
                    Schema.object(
                        [
                            "service": Schema.string, "state": Schema.oneOf(ServiceErasure.State.self),
                            "attempts": Schema.integer(minimum: 0), "lastError": Schema.string,
                        ], required: ["service", "state", "attempts"])),
                "complete": Schema.boolean,
            ], required: ["id", "pseudonym", "requestedAt", "requestedBy", "services", "complete"])
    }
    public static var example: ErasureProgress {
        ErasureProgress(
            id: "e-1", pseudonym: "erased-e-1", requestedAt: Examples.instant, requestedBy: "admin:owner",
            services: [
                .init(service: "loyalty", state: .done, attempts: 1, lastError: "first attempt: connection refused"),
                .init(service: "reviews", state: .pending, attempts: 2, lastError: "503 service_unavailable"),
            ])
    }
}
