import Contract
import Foundation
import TestSupport

/// Bodies and parameters that break one constraint of a schema each, made from a valid example:
/// a required property left out, a value of another type, one past each bound, a value outside
/// an enum, a text outside its pattern. A server that keeps the document's promises refuses
/// every one of them.
struct SchemaViolations {
    let check: JSONSchemaCheck

    /// Each violation of `schema` reachable from `example`, named by what it breaks.
    func bodies(_ example: JSONValue, _ schema: JSONValue, at path: String = "$") -> [(String, JSONValue)] {
        let rules = rulesFor(example, schema)
        var found = scalarViolations(example, rules).map { ("\(path): \($0.0)", $0.1) }
        switch example {
        case .object(let fields):
            if case .array(let required)? = rules["required"] {
                for case .string(let name) in required where fields[name] != nil {
                    var copy = fields
                    copy[name] = nil
                    found.append(("\(path).\(name): left out", .object(copy)))
                }
            }
            guard case .object(let properties)? = rules["properties"] else { break }
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let property = properties[name] else { continue }
                for (what, broken) in bodies(field, property, at: "\(path).\(name)") {
                    var copy = fields
                    copy[name] = broken
                    found.append((what, .object(copy)))
                }
            }
        case .array(let items):
            if case .number(let minimum)? = rules["minItems"], minimum >= 1 {
                found.append(("\(path): no items", .array([])))
            }
            if case .number(let maximum)? = rules["maxItems"], let first = items.first {
                found.append(("\(path): too many items", .array(Array(repeating: first, count: Int(maximum) + 1))))
            }
            if let first = items.first, let itemSchema = rules["items"] {
                for (what, broken) in bodies(first, itemSchema, at: "\(path)[0]") {
                    found.append((what, .array([broken] + items.dropFirst())))
                }
            }
        default:
            break
        }
        return found
    }

    /// Bodies at the edge of what the schema allows, made from a valid example: a text of
    /// exactly `maxLength`, the `maximum`, the first and last value of an enum. The document
    /// promises these are accepted.
    func edges(_ example: JSONValue, _ schema: JSONValue, at path: String = "$") -> [(String, JSONValue)] {
        let rules = rulesFor(example, schema)
        var found: [(String, JSONValue)] = []
        if case .number(let maximum)? = rules["maxLength"], case .string = example {
            let text = String(repeating: "x", count: Int(maximum))
            if check.problems(.string(text), schema).isEmpty {
                found.append(("\(path): exactly maxLength", .string(text)))
            }
        }
        if case .number(let maximum)? = rules["maximum"], case .number = example, abs(maximum) < 9e15 {
            found.append(("\(path): the maximum", .number(maximum)))
        }
        // `null` stands for "left out", which the required properties and the examples cover.
        if case .array(let listed)? = rules["enum"], case let allowed = listed.filter({ $0 != .null }),
            let first = allowed.first, let last = allowed.last
        {
            for value in Set([first, last].map { (try? JSONCoding.encode($0)) ?? [] }) {
                if let decoded = try? JSONCoding.decode(JSONValue.self, from: value) {
                    found.append(("\(path): the enum value \(String(decoding: value, as: UTF8.self))", decoded))
                }
            }
        }
        guard case .object(let fields) = example, case .object(let properties)? = rules["properties"] else {
            if case .array(let items) = example, let first = items.first, let itemSchema = rules["items"] {
                return found
                    + edges(first, itemSchema, at: "\(path)[0]").map { ($0.0, .array([$0.1] + items.dropFirst())) }
            }
            return found
        }
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            guard let property = properties[name] else { continue }
            for (what, edge) in edges(field, property, at: "\(path).\(name)") {
                var copy = fields
                copy[name] = edge
                found.append((what, .object(copy)))
            }
        }
        return found
    }

    /// Values of a path or query parameter that break its schema (for text, not its type: any
    /// text is a text on the wire).
    func values(_ schema: JSONValue, example: JSONValue) -> [(String, String)] {
        let rules = rulesFor(example, schema)
        let isText = rules["type"] == .string("string")
        return scalarViolations(example, rules).filter { !isText || $0.0 != "of another type" }.compactMap {
            what, value in
            switch value {
            case .string(let text): return (what, text)
            case .number(let number): return (what, number == number.rounded() ? String(Int64(number)) : String(number))
            case .bool(let flag): return (what, flag ? "true" : "false")
            default: return nil
            }
        }
    }

    /// The rules that apply to `example`: the schema followed through `$ref`, `allOf` merged, and
    /// the `oneOf` branch the example takes.
    private func rulesFor(_ example: JSONValue, _ schema: JSONValue) -> [String: JSONValue] {
        guard case .object(var rules) = check.resolve(schema) else { return [:] }
        if case .array(let parts)? = rules["allOf"] {
            rules["allOf"] = nil
            var properties: [String: JSONValue] = [:]
            var required: [JSONValue] = []
            for part in parts {
                let merged = rulesFor(example, part)
                if case .object(let more)? = merged["properties"] { properties.merge(more) { first, _ in first } }
                if case .array(let names)? = merged["required"] { required += names }
                rules.merge(merged.filter { $0.key != "properties" && $0.key != "required" }) { first, _ in first }
            }
            if !properties.isEmpty { rules["properties"] = .object(properties) }
            if !required.isEmpty { rules["required"] = .array(required) }
        }
        for key in ["oneOf", "anyOf"] {
            guard case .array(let branches)? = rules[key],
                let branch = branches.first(where: { check.problems(example, $0).isEmpty })
            else { continue }
            rules[key] = nil
            rules.merge(rulesFor(example, branch)) { _, new in new }
        }
        return rules
    }

    private func scalarViolations(_ example: JSONValue, _ rules: [String: JSONValue]) -> [(String, JSONValue)] {
        var found: [(String, JSONValue)] = []
        let types: [String] =
            switch rules["type"] {
            case .string(let type)?: [type]
            case .array(let list)?: list.compactMap(\.stringValue)
            default: []
            }
        if !types.isEmpty {
            let wrong: JSONValue = types.contains("string") ? .bool(true) : .string("x")
            found.append(("of another type", wrong))
        }
        if case .array(let allowed)? = rules["enum"] {
            let outside: JSONValue = allowed.first.flatMap(\.stringValue) != nil ? .string("not-a-value") : .number(7)
            if !allowed.contains(outside) { found.append(("outside the enum", outside)) }
        }
        if case .object(let negated)? = rules["not"], let constant = negated["const"] {
            found.append(("the excluded value", constant))
        }
        if case .number(let minimum)? = rules["minimum"], abs(minimum) < 9e15 {
            found.append(("below the minimum", .number(minimum - 1)))
        }
        if case .number(let maximum)? = rules["maximum"], abs(maximum) < 9e15 {
            found.append(("above the maximum", .number(maximum + 1)))
        }
        if case .number(let bound)? = rules["exclusiveMinimum"], abs(bound) < 9e15 {
            found.append(("at the exclusive minimum", .number(bound)))
        }
        if case .number(let step)? = rules["multipleOf"], case .number(let value) = example {
            found.append(("not a multiple of \(step)", .number(value + step / 10)))
        }
        if case .number(let minimum)? = rules["minLength"], minimum >= 1 {
            found.append(("empty", .string("")))
        }
        if case .number(let maximum)? = rules["maxLength"] {
            found.append(("too long", .string(String(repeating: "x", count: Int(maximum) + 1))))
        }
        if case .string(let pattern)? = rules["pattern"] {
            let breaking = ["   ", "a\u{7}b", "!?"].first { text in
                check.problems(.string(text), .object(["pattern": .string(pattern)])).isEmpty == false
            }
            if let breaking { found.append(("outside the pattern \(pattern)", .string(breaking))) }
        }
        return found
    }
}
