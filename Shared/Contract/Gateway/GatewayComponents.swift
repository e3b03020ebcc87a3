/// The gateway's bodies whose schemas are written out in the document's components
/// (`OpenAPIComponents.gateway`): referred to by name from the gateway's route declarations.
extension CustomerTokenRequest: NamedComponent {
    public static var componentName: String { "CustomerTokenRequest" }
}

extension CustomerToken: NamedComponent {
    public static var componentName: String { "CustomerToken" }
}

extension AdminSessionRequest: NamedComponent {
    public static var componentName: String { "AdminSessionRequest" }
}

extension AdminSession: NamedComponent {
    public static var componentName: String { "AdminSession" }
}

extension OrderDocument: NamedComponent {
    public static var componentName: String { "OrderDocument" }
}

extension OrderAcceptance: NamedComponent {
    public static var componentName: String { "OrderAcceptance" }
}

extension OrderDeliveries: NamedComponent {
    public static var componentName: String { "OrderDeliveries" }
}

/// `/health`'s answer.
public enum HealthReport: NamedComponent {
    public static var componentName: String { "Health" }
}

/// `/ready`'s answer on the gateway: the suite's readiness.
public enum ReadyReport: NamedComponent {
    public static var componentName: String { "ReadyReport" }
}

/// `/status`'s answer: a service's name, version and figures.
public enum ServiceStatusReport: NamedComponent {
    public static var componentName: String { "ServiceStatus" }
}

/// The OpenAPI document itself.
public enum OpenAPIDocumentBody: RouteBody {
    public static var body: BodyDescription {
        .json(
            schema: .object([
                "type": .string("object"), "required": .array(["openapi", "info", "paths"].map(JSONValue.string)),
                "description": .string("An OpenAPI 3.1 document."),
            ]), types: [])
    }
}

extension CustomerTokenRequest {
    public static var exampleBody: JSONValue? {
        .object(["customerId": .string(Examples.customerId), "ttlSeconds": .number(3_600)])
    }
}

extension AdminSessionRequest {
    /// An admin key's shape; signing in needs one of the gateway's real keys.
    public static var exampleBody: JSONValue? { .object(["key": .string("admin-key-of-16-or-more-characters")]) }
}

extension OrderDocument {
    public static var exampleBody: JSONValue? {
        let order = OrderDocument(
            customerId: CustomerId(stringLiteral: Examples.customerId),
            buyer: Buyer(
                name: "Jan Nowak", street: "Polna 1", postcode: "00-001", city: "Warszawa", email: "jan@example.pl",
                phone: "+48 600 000 000"),
            currency: "PLN",
            lines: [
                OrderLine(
                    productId: ProductId(stringLiteral: Examples.productId), name: "Mug", category: "kitchen",
                    quantity: 2, unitNet: 10_000,
                    unitGross: 12_300)
            ],
            shipping: ShippingCost(net: 0, gross: 0), totalNet: 20_000, totalGross: 24_600, status: .created,
            placedAt: Examples.instant)
        return try? JSONCoding.decode(JSONValue.self, from: JSONCoding.encode(order))
    }
}
