/// The gateway's bodies whose schemas are written out in the document's components
/// (`OpenAPIComponents.gateway`): referred to by name from the gateway's route declarations.
extension CustomerTokenRequest: NamedComponent {
    public static var componentName: String { "CustomerTokenRequest" }
}

extension CustomerToken: NamedComponent {
    public static var componentName: String { "CustomerToken" }
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
