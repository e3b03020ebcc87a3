import Contract
import HTTP

/// The parameters of one operation: its path parameters, the paging and filter query parameters,
/// and `Idempotency-Key` where the route honours it.
enum OpenAPIParameters {
    /// The parameters of `route`'s operation.
    static func parameters(_ route: PublicRoute) -> [JSONValue] {
        let declaration = route.declaration
        var parameters: [JSONValue] = declaration.pathParameters.map { name in
            var fields: [String: JSONValue] = [
                "name": .string(name), "in": .string("path"), "required": .bool(true), "schema": pathSchema(name),
            ]
            if let example = Examples.pathParameters[name] {
                fields["example"] = name == "id" ? .number(Double(example) ?? 1) : .string(example)
            }
            return .object(fields)
        }
        if declaration.paged {
            parameters.append(
                .object([
                    "name": .string("limit"), "in": .string("query"),
                    "schema": .object([
                        "type": .string("integer"), "minimum": .number(1),
                        "maximum": .number(Double(PageRequest.maxLimit)),
                        "default": .number(Double(PageRequest.defaultLimit)),
                    ]),
                ]))
            parameters.append(.object(["name": .string("cursor"), "in": .string("query"), "schema": Schema.string]))
        }
        for query in declaration.query {
            parameters.append(
                .object([
                    "name": .string(query.name), "in": .string("query"), "schema": query.schema,
                    "description": .string(query.description),
                ]))
        }
        if declaration.idempotent {
            parameters.append(
                .object([
                    "name": .string("Idempotency-Key"), "in": .string("header"),
                    "schema": .object(["type": .string("string"), "minLength": .number(1), "maxLength": .number(255)]),
                    "description": .string("A repeat with the same key returns the first answer and changes nothing."),
                ]))
        }
        return parameters
    }

    /// A numeric id is an integer, an identifier its kind's rule, anything else text.
    static func pathSchema(_ name: String) -> JSONValue {
        switch name {
        case "id": return Schema.integer
        case CustomerIdKind.name: return TextRules.identifierSchema(CustomerIdKind.self)
        case ProductIdKind.name: return TextRules.identifierSchema(ProductIdKind.self)
        case OrderNumberKind.name: return TextRules.identifierSchema(OrderNumberKind.self)
        default: return Schema.string
        }
    }
}
