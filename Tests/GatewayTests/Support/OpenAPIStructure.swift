import Contract

/// Our own structural check of an OpenAPI 3.1 document, for machines without
/// openapi-spec-validator: the version, info, paths, responses on every operation, unique
/// operation ids, declared path parameters, and every `$ref` resolving.
enum OpenAPIStructure {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    static func problems(_ document: JSONValue) -> [String] {
        var problems: [String] = []
        guard case .object(let root) = document else { return ["the document is not an object"] }
        if root["openapi"] != .string("3.1.0") { problems.append("openapi is not 3.1.0") }
        guard case .object(let info)? = root["info"], info["title"] != nil, info["version"] != nil else {
            return problems + ["info needs title and version"]
        }
        guard case .object(let paths)? = root["paths"], !paths.isEmpty else { return problems + ["no paths"] }
        var operationIds = Set<String>()
        for (path, item) in paths {
            guard path.hasPrefix("/"), case .object(let operations) = item else {
                problems.append("\(path): bad path item")
                continue
            }
            let templated = Set(
                path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            for (method, operation) in operations {
                guard methods.contains(method), case .object(let fields) = operation else {
                    problems.append("\(path): unknown method \(method)")
                    continue
                }
                guard case .object(let responses)? = fields["responses"], !responses.isEmpty else {
                    problems.append("\(method) \(path): no responses")
                    continue
                }
                if case .string(let id)? = fields["operationId"], !operationIds.insert(id).inserted {
                    problems.append("\(method) \(path): duplicate operationId \(id)")
                }
                var declared = Set<String>()
                if case .array(let parameters)? = fields["parameters"] {
                    for case .object(let parameter) in parameters where parameter["in"] == .string("path") {
                        if case .string(let name)? = parameter["name"] { declared.insert(name) }
                    }
                }
                if declared != templated {
                    problems.append("\(method) \(path): path parameters \(declared) ≠ \(templated)")
                }
            }
        }
        for reference in references(in: document) where resolve(reference, in: document) == nil {
            problems.append("unresolved $ref \(reference)")
        }
        return problems
    }

    static func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let fields):
            var found: [String] = []
            if case .string(let reference)? = fields["$ref"] { found.append(reference) }
            for (_, child) in fields { found += references(in: child) }
            return found
        case .array(let items):
            return items.flatMap(references)
        default:
            return []
        }
    }

    /// Follows a local JSON pointer (`#/components/schemas/X`).
    static func resolve(_ reference: String, in document: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current = document
        for token in reference.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard case .object(let fields) = current, let next = fields[key] else { return nil }
            current = next
        }
        return current
    }
}
