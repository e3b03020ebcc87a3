/// A line-based reader for the YAML subset docker-compose.yml uses, enough to check the file.
///
/// Supported: block mappings and block sequences by indentation, `# comments`, single- and
/// double-quoted scalars, flow sequences of scalars (`["a", "b"]`), `{}`, anchors (`&name`) on a
/// block or a scalar, aliases (`*name`) and merge keys (`<<: *name`, explicit keys win, YAML 1.1
/// merge type). Anything else is an error, so the file cannot silently drift past the reader.
indirect enum YAMLNode: Equatable {
    case scalar(String)
    case sequence([YAMLNode])
    case mapping([(key: String, value: YAMLNode)])
    case null

    static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.sequence(let a), .sequence(let b)): return a == b
        case (.mapping(let a), .mapping(let b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.null, .null): return true
        default: return false
        }
    }

    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    var keys: [String] {
        guard case .mapping(let entries) = self else { return [] }
        return entries.map(\.key)
    }

    var string: String? {
        guard case .scalar(let value) = self else { return nil }
        return value
    }

    var strings: [String]? {
        guard case .sequence(let items) = self else { return nil }
        let values = items.compactMap(\.string)
        return values.count == items.count ? values : nil
    }
}

struct YAMLError: Error, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "docker-compose.yml line \(line): \(message)" }
}

struct ComposeYAMLReader {
    private struct Line {
        let number: Int
        let indent: Int
        let text: String
    }

    private var lines: [Line] = []
    private var position = 0
    private var anchors: [String: YAMLNode] = [:]

    static func parse(_ text: String) throws -> YAMLNode {
        var reader = ComposeYAMLReader()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = stripComment(String(raw))
            let trimmed = content.trimmingTrailingSpaces()
            guard !trimmed.trimmingLeadingSpaces().isEmpty else { continue }
            guard !trimmed.hasPrefix("\t") else { throw YAMLError(line: index + 1, message: "tab indentation") }
            let indent = trimmed.prefix { $0 == " " }.count
            reader.lines.append(Line(number: index + 1, indent: indent, text: String(trimmed.dropFirst(indent))))
        }
        guard let first = reader.lines.first else { return .null }
        let root = try reader.block(indent: first.indent)
        if reader.position < reader.lines.count {
            throw YAMLError(line: reader.lines[reader.position].number, message: "unexpected indentation")
        }
        return root
    }

    private mutating func block(indent: Int) throws -> YAMLNode {
        let line = lines[position]
        return line.text == "-" || line.text.hasPrefix("- ")
            ? try sequence(indent: indent) : try mapping(indent: indent)
    }

    private mutating func sequence(indent: Int) throws -> YAMLNode {
        var items: [YAMLNode] = []
        while position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("-") {
            let line = lines[position]
            position += 1
            let rest = String(line.text.dropFirst()).trimmingLeadingSpaces()
            if rest.contains(": ") || rest.hasSuffix(":") {
                throw YAMLError(line: line.number, message: "mappings inside sequences are not supported")
            }
            items.append(try value(rest, line: line, parentIndent: indent))
        }
        return .sequence(items)
    }

    private mutating func mapping(indent: Int) throws -> YAMLNode {
        var entries: [(key: String, value: YAMLNode)] = []
        var merged: [(key: String, value: YAMLNode)] = []
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            guard let colon = Self.keySeparator(in: line.text) else {
                throw YAMLError(line: line.number, message: "expected 'key: value'")
            }
            position += 1
            let key = Self.unquote(String(line.text[..<colon]))
            let rest = String(line.text[line.text.index(after: colon)...]).trimmingLeadingSpaces()
            let node = try value(rest, line: line, parentIndent: indent)
            if key == "<<" {
                guard case .mapping(let source) = node else {
                    throw YAMLError(line: line.number, message: "a merge key needs a mapping")
                }
                merged += source
            } else {
                guard !entries.contains(where: { $0.key == key }) else {
                    throw YAMLError(line: line.number, message: "duplicate key \(key)")
                }
                entries.append((key, node))
            }
        }
        for entry in merged where !entries.contains(where: { $0.key == entry.key }) {
            entries.append(entry)
        }
        return .mapping(entries)
    }

    /// The value after `key:` or `-`: inline, or the block on the following, deeper lines.
    private mutating func value(_ text: String, line: Line, parentIndent: Int) throws -> YAMLNode {
        var rest = text
        var anchor: String?
        if rest.hasPrefix("&") {
            let name = rest.dropFirst().prefix { $0 != " " }
            anchor = String(name)
            rest = String(rest.dropFirst(name.count + 1)).trimmingLeadingSpaces()
        }
        let node: YAMLNode
        if rest.isEmpty {
            if position < lines.count, lines[position].indent > parentIndent {
                node = try block(indent: lines[position].indent)
            } else {
                node = .null
            }
        } else if rest.hasPrefix("*") {
            guard let target = anchors[String(rest.dropFirst())] else {
                throw YAMLError(line: line.number, message: "unknown alias \(rest)")
            }
            node = target
        } else if rest == "{}" {
            node = .mapping([])
        } else if rest.hasPrefix("[") {
            guard rest.hasSuffix("]") else { throw YAMLError(line: line.number, message: "unclosed [") }
            node = .sequence(Self.splitFlow(String(rest.dropFirst().dropLast())).map { .scalar(Self.unquote($0)) })
        } else if rest.hasPrefix("{") || rest.hasPrefix("|") || rest.hasPrefix(">") {
            throw YAMLError(line: line.number, message: "flow mappings and block scalars are not supported")
        } else {
            node = .scalar(Self.unquote(rest))
        }
        if let anchor { anchors[anchor] = node }
        return node
    }

    /// The colon that ends a key: the first `:` outside quotes followed by a space or the end.
    private static func keySeparator(in text: String) -> String.Index? {
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ":" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func splitFlow(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                items.append(current.trimmingLeadingSpaces().trimmingTrailingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingLeadingSpaces().trimmingTrailingSpaces()
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        return items
    }

    private static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingLeadingSpaces().trimmingTrailingSpaces()
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }

    /// Drops a `#` comment: one at the start of the line or after a space, outside quotes.
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && (previous == " " || previous == "\t") {
                return String(line[..<index])
            }
            previous = character
            index = line.index(after: index)
        }
        return line
    }
}

extension String {
    fileprivate func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }

    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
