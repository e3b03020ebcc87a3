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
