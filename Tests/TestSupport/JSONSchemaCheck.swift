import Contract
import Foundation

/// Checks JSON values against the JSON Schema subset the OpenAPI document uses (`$ref`, `type`,
/// `properties`, `required`, `enum`, `const`, `not`, `oneOf`, `anyOf`, `allOf`, `items`, numeric bounds,
/// `multipleOf`, string lengths, `pattern`, `format: date-time`), so tests can hold an encoding
/// or a server's answer against the document without a third-party validator.
public struct JSONSchemaCheck: Sendable {
    /// `#/components/schemas/<name>` → schema.
    public let components: [String: JSONValue]
    /// Whether a key an object schema does not declare is a problem.
    public var rejectsUndeclaredProperties: Bool

    /// A check resolving `$ref`s in `components`.
    public init(components: [String: JSONValue], rejectsUndeclaredProperties: Bool = true) {
        self.components = components
        self.rejectsUndeclaredProperties = rejectsUndeclaredProperties
    }

    /// What is wrong with `value` under `schema`, each naming where; empty when it conforms.
    public func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let rules) = resolve(schema) else { return [] }
        var problems: [String] = []
        if let types = rules["type"], !matches(value, types) {
            return ["\(path): \(describe(value)) is not of type \(describe(types))"]
        }
        if case .array(let allowed)? = rules["enum"], !allowed.contains(where: { same($0, value) }) {
            problems.append("\(path): \(describe(value)) is not one of \(describe(.array(allowed)))")
        }
        if let constant = rules["const"], !same(constant, value) {
            problems.append("\(path): \(describe(value)) is not \(describe(constant))")
        }
        if let negated = rules["not"], self.problems(value, negated, at: path).isEmpty {
            problems.append("\(path): \(describe(value)) matches what `not` excludes")
        }
        if case .array(let branches)? = rules["oneOf"] {
            let passing = branches.filter { self.problems(value, $0, at: path).isEmpty }.count
            if passing != 1 { problems.append("\(path): matches \(passing) of the oneOf branches, not 1") }
        }
        if case .array(let branches)? = rules["anyOf"],
            !branches.contains(where: { self.problems(value, $0, at: path).isEmpty })
        {
            problems.append("\(path): matches none of the anyOf branches")
        }
        if case .array(let parts)? = rules["allOf"] {
            // Each part declares some of the properties; together they declare all.
            var lenient = self
            lenient.rejectsUndeclaredProperties = false
            for part in parts { problems += lenient.problems(value, part, at: path) }
            if rejectsUndeclaredProperties, case .object(let fields) = value {
                let declared = Set(parts.flatMap { declaredNames(resolve($0)) })
                for name in fields.keys.sorted() where !declared.contains(name) {
                    problems.append("\(path).\(name): not declared by the schema")
                }
            }
        }
        problems += numberProblems(value, rules, at: path)
        problems += stringProblems(value, rules, at: path)
        problems += arrayProblems(value, rules, at: path)
        problems += objectProblems(value, rules, at: path)
        return problems
    }

    /// The properties `schema` declares that `value` leaves out, anywhere inside it: what a
    /// complete example must not leave out.
    public func missingProperties(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard case .object(let rules) = resolve(schema) else { return [] }
        var missing: [String] = []
        for key in ["oneOf", "anyOf"] {
            guard case .array(let branches)? = rules[key] else { continue }
            for branch in branches where problems(value, branch, at: path).isEmpty {
                missing += missingProperties(value, branch, at: path)
            }
        }
        if case .array(let parts)? = rules["allOf"] {
            for part in parts { missing += missingProperties(value, part, at: path) }
        }
        switch value {
        case .object(let fields):
            guard case .object(let properties)? = rules["properties"] else { break }
            for (name, property) in properties {
                guard let field = fields[name] else {
                    missing.append("\(path).\(name)")
                    continue
                }
                missing += missingProperties(field, property, at: "\(path).\(name)")
            }
        case .array(let items):
            guard let itemSchema = rules["items"] else { break }
            if items.isEmpty { missing.append("\(path)[0]") }
            for (index, item) in items.enumerated() {
                missing += missingProperties(item, itemSchema, at: "\(path)[\(index)]")
            }
        default:
            break
        }
        return missing
    }

    /// `schema` with a `$ref` followed to its component.
    public func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .object(let rules) = schema, case .string(let reference)? = rules["$ref"] else { return schema }
        let name = String(reference.split(separator: "/").last ?? "")
        return resolve(components[name] ?? .object([:]))
    }

    // MARK: - Kinds

    private func numberProblems(_ value: JSONValue, _ rules: [String: JSONValue], at path: String) -> [String] {
        guard case .number(let number) = value else { return [] }
        var problems: [String] = []
        if case .number(let minimum)? = rules["minimum"], number < minimum {
            problems.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if case .number(let maximum)? = rules["maximum"], number > maximum {
            problems.append("\(path): \(number) is above the maximum \(maximum)")
        }
        if case .number(let bound)? = rules["exclusiveMinimum"], number <= bound {
            problems.append("\(path): \(number) is not above \(bound)")
        }
        if case .number(let step)? = rules["multipleOf"] {
            let ratio = number / step
            if abs(ratio - ratio.rounded()) > 1e-6 {
                problems.append("\(path): \(number) is not a multiple of \(step)")
            }
        }
        return problems
    }

    private func stringProblems(_ value: JSONValue, _ rules: [String: JSONValue], at path: String) -> [String] {
        guard case .string(let text) = value else { return [] }
        var problems: [String] = []
        // JSON Schema counts code points (RFC 8259 characters), not grapheme clusters.
        let length = Double(text.unicodeScalars.count)
        if case .number(let minimum)? = rules["minLength"], length < minimum {
            problems.append("\(path): shorter than \(Int(minimum))")
        }
        if case .number(let maximum)? = rules["maxLength"], length > maximum {
            problems.append("\(path): longer than \(Int(maximum))")
        }
        if case .string(let pattern)? = rules["pattern"] {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil {
                problems.append("\(path): does not match \(pattern)")
            }
        }
        if case .string("date-time")? = rules["format"], RFC3339.parse(text) == nil {
            problems.append("\(path): \(text) is not an RFC 3339 date-time")
        }
        return problems
    }

    private func arrayProblems(_ value: JSONValue, _ rules: [String: JSONValue], at path: String) -> [String] {
        guard case .array(let items) = value else { return [] }
        var problems: [String] = []
        if case .number(let minimum)? = rules["minItems"], Double(items.count) < minimum {
            problems.append("\(path): fewer than \(Int(minimum)) items")
        }
        if case .number(let maximum)? = rules["maxItems"], Double(items.count) > maximum {
            problems.append("\(path): more than \(Int(maximum)) items")
        }
        if let itemSchema = rules["items"] {
            for (index, item) in items.enumerated() {
                problems += self.problems(item, itemSchema, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    private func objectProblems(_ value: JSONValue, _ rules: [String: JSONValue], at path: String) -> [String] {
        guard case .object(let fields) = value else { return [] }
        var problems: [String] = []
        if case .array(let required)? = rules["required"] {
            for case .string(let name) in required where fields[name] == nil {
                problems.append("\(path).\(name): required but absent")
            }
        }
        guard case .object(let properties)? = rules["properties"] else { return problems }
        for (name, field) in fields {
            if let property = properties[name] {
                problems += self.problems(field, property, at: "\(path).\(name)")
            } else if rejectsUndeclaredProperties, rules["additionalProperties"] == nil {
                problems.append("\(path).\(name): not declared by the schema")
            }
        }
        return problems
    }

    private func declaredNames(_ schema: JSONValue) -> [String] {
        guard case .object(let rules) = schema, case .object(let properties)? = rules["properties"] else { return [] }
        return Array(properties.keys)
    }

    // MARK: - Values

    private func matches(_ value: JSONValue, _ types: JSONValue) -> Bool {
        switch types {
        case .string(let type): return matches(value, type)
        case .array(let list): return list.contains { $0.stringValue.map { matches(value, $0) } ?? false }
        default: return true
        }
    }

    private func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("number", .number), ("object", .object), ("array", .array),
            ("null", .null):
            return true
        case ("integer", .number(let number)):
            return number == number.rounded()
        default:
            return false
        }
    }

    private func same(_ left: JSONValue, _ right: JSONValue) -> Bool { left == right }

    private func describe(_ value: JSONValue) -> String {
        (try? JSONCoding.encode(value)).map { String(decoding: $0.prefix(80), as: UTF8.self) } ?? "?"
    }
}
