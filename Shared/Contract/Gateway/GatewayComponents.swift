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
