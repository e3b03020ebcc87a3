import FoundationEssentials
import Glibc

/// One pass over the bytes of a JSON text before it is decoded: it checks the syntax (RFC 8259),
/// refusing with the byte position of the first fault, and refuses an object that names a key
/// twice. RFC 8259 §4 leaves duplicate names to the implementation and Foundation's decoder keeps
/// the first silently; a body such as `{"points":5,"points":-5}` is ambiguous, and an ambiguous
/// body must never move points.
///
/// With `collecting`, the pass also records every member (its path and whether it is `null`) and
/// every number that is not an exact `Int64`, which explain a value that does not fit its field
/// and name the fields a type does not know.
struct JSONBodyScanner {
    /// A member of an object: `lines[2].quantity`.
    struct Member {
        var path: String
        var isNull: Bool
    }

    /// A number literal that is not an exact `Int64` (a fraction, an exponent, or too large).
    struct NumberLiteral {
        var path: String
        var range: Range<Int>
        var text: String
    }

    /// A key as it stands in the text (between the quotes), and whether it holds escapes.
    private struct RawKey {
        var range: Range<Int>
        var escaped: Bool
    }

    private enum PathStep {
        case key(RawKey)
        case index(Int)
    }

    /// Deeper nesting is refused: no contract type nests that far, and recursion stays bounded.
    static let maximumDepth = 256
    /// Objects with more keys than this look duplicates up in a set instead of comparing pairs.
    private static let linearKeyLimit = 16

    private let bytes: UnsafeBufferPointer<UInt8>
    private let collecting: Bool
    private var index = 0
    private var path: [PathStep] = []
    /// The keys of every open object, innermost last: one array for the whole pass, so that an
    /// object costs no allocation of its own.
    private var openKeys: [RawKey] = []
    private(set) var members: [Member] = []
    private(set) var numbers: [NumberLiteral] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>, collecting: Bool) {
        self.bytes = bytes
        self.collecting = collecting
    }

    /// Checks `bytes`; throws `JSONBodyError` on a syntax fault or a duplicate key.
    static func check(_ bytes: [UInt8]) throws(JSONBodyError) {
        try scan(bytes, collecting: false)
    }

    /// Checks `bytes` and returns its members and the numbers that are not exact `Int64`s.
    static func facts(_ bytes: [UInt8]) throws(JSONBodyError) -> (members: [Member], numbers: [NumberLiteral]) {
        let scanner = try scan(bytes, collecting: true)
        return (scanner.members, scanner.numbers)
    }

    @discardableResult
    private static func scan(_ bytes: [UInt8], collecting: Bool) throws(JSONBodyError) -> JSONBodyScanner {
        let outcome: Result<JSONBodyScanner, JSONBodyError> = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONBodyScanner(buffer, collecting: collecting)
            do throws(JSONBodyError) {
                scanner.skipWhitespace()
                try scanner.value(depth: 0)
                scanner.skipWhitespace()
                if scanner.index < buffer.count { throw scanner.fault("the end of the body") }
                return .success(scanner)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    // MARK: - Values

    private mutating func value(depth: Int) throws(JSONBodyError) {
        guard depth < Self.maximumDepth else { throw fault("at most \(Self.maximumDepth) levels of nesting") }
        guard index < bytes.count else { throw fault("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fault("a value")
        }
    }

    private mutating func object(depth: Int) throws(JSONBodyError) {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return }
        let base = openKeys.count
        defer { openKeys.removeSubrange(base...) }
        var keySet: Set<[UInt8]> = []
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fault("a key in quotes") }
            let key = try string()
            if openKeys.count - base < Self.linearKeyLimit {
                for earlier in openKeys[base...] where same(earlier, key) { throw duplicate(key) }
                openKeys.append(key)
                if openKeys.count - base == Self.linearKeyLimit { keySet = Set(openKeys[base...].map(text(of:))) }
            } else if !keySet.insert(text(of: key)).inserted {
                throw duplicate(key)
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw fault("':' after the key") }
            skipWhitespace()
            path.append(.key(key))
            if collecting {
                members.append(
                    Member(path: pathText(), isNull: index < bytes.count && bytes[index] == UInt8(ascii: "n")))
            }
            try value(depth: depth + 1)
            path.removeLast()
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard consume(UInt8(ascii: "}")) else { throw fault("',' or '}'") }
            return
        }
    }

    private mutating func array(depth: Int) throws(JSONBodyError) {
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return }
        var position = 0
        while true {
            path.append(.index(position))
            try value(depth: depth + 1)
            path.removeLast()
            position += 1
            skipWhitespace()
            if consume(UInt8(ascii: ",")) {
                skipWhitespace()
                continue
            }
            guard consume(UInt8(ascii: "]")) else { throw fault("',' or ']'") }
            return
        }
    }

    /// A string: checks its escapes and UTF-8 and returns where it stands.
    private mutating func string() throws(JSONBodyError) -> RawKey {
        index += 1
        let start = index
        var escaped = false
        var hasHighBytes = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if hasHighBytes,
                    String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self) == nil
                {
                    throw fault("text in UTF-8")
                }
                return RawKey(range: start..<index - 1, escaped: escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                var ignored: [UInt8] = []
                try escape(into: &ignored, keeping: false)
            case 0..<0x20:
                throw fault("a control character written as an escape (\\n, \\u0000)")
            default:
                if byte >= 0x80 { hasHighBytes = true }
                index += 1
            }
        }
        throw fault("'\"' closing the string")
    }

    /// Whether two keys say the same: their bytes, or what their escapes stand for.
    private func same(_ first: RawKey, _ second: RawKey) -> Bool {
        if !first.escaped && !second.escaped {
            return first.range.count == second.range.count
                && bytes[first.range].elementsEqual(bytes[second.range])
        }
        return text(of: first) == text(of: second)
    }

    /// A key's bytes with its escapes resolved.
    private func text(of key: RawKey) -> [UInt8] {
        guard key.escaped else { return Array(bytes[key.range]) }
        var reader = JSONBodyScanner(UnsafeBufferPointer(rebasing: bytes[..<key.range.upperBound]), collecting: false)
        reader.index = key.range.lowerBound
        var text: [UInt8] = []
        while reader.index < key.range.upperBound {
            if reader.bytes[reader.index] == UInt8(ascii: "\\") {
                // The key was checked once already; an escape here cannot fail.
                try? reader.escape(into: &text, keeping: true)
            } else {
                text.append(reader.bytes[reader.index])
                reader.index += 1
            }
        }
        return text
    }

    private mutating func escape(into text: inout [UInt8], keeping: Bool) throws(JSONBodyError) {
        index += 1
        guard index < bytes.count else { throw fault("an escape") }
        if let byte = Self.simpleEscape(bytes[index]) {
            if keeping { text.append(byte) }
            index += 1
            return
        }
        guard bytes[index] == UInt8(ascii: "u") else { throw fault("an escape such as \\n or \\u00e9") }
        index += 1
        var unit = try hexUnit()
        if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try hexUnit()
            guard (0xDC00..<0xE000).contains(low) else { throw fault("the low half of a surrogate pair") }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        // A lone surrogate names no character; it decodes as U+FFFD, as Foundation's decoder does.
        let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
        if keeping { text.append(contentsOf: Array(String(Character(scalar)).utf8)) }
    }

    private static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return byte
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    private mutating func hexUnit() throws(JSONBodyError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fault("four hexadecimal digits") }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fault("four hexadecimal digits")
            }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }

    private mutating func number() throws(JSONBodyError) {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        if consume(UInt8(ascii: "0")) {
            if index < bytes.count, isDigit(bytes[index]) { throw fault("no leading zeros in a number") }
        } else {
            guard try digits() > 0 else { throw fault("a digit") }
        }
        if consume(UInt8(ascii: ".")) {
            guard try digits() > 0 else { throw fault("a digit after the decimal point") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            _ = consume(UInt8(ascii: "+")) || consume(UInt8(ascii: "-"))
            guard try digits() > 0 else { throw fault("a digit in the exponent") }
        }
        if collecting {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if Int64(text) == nil { numbers.append(NumberLiteral(path: pathText(), range: start..<index, text: text)) }
        }
    }

    private mutating func digits() throws(JSONBodyError) -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    private mutating func literal(_ word: StaticString) throws(JSONBodyError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fault("\(word)") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fault("\(word)")
        }
        index += count
    }

    // MARK: - Helpers

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The current path as `DecodingText.path` writes coding paths.
    private func pathText() -> String {
        var text = ""
        for step in path {
            switch step {
            case .index(let position): text += "[\(position)]"
            case .key(let key):
                let name = String(decoding: self.text(of: key), as: UTF8.self)
                text += text.isEmpty ? name : "." + name
            }
        }
        return text
    }

    private func duplicate(_ key: RawKey) -> JSONBodyError {
        let name = String(decoding: text(of: key), as: UTF8.self)
        let parent = pathText()
        return .duplicateKey(path: parent.isEmpty ? name : parent + "." + name, key: name)
    }

    private func fault(_ expected: String) -> JSONBodyError {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return .syntax(offset: index, line: line, column: column, expected: expected)
    }
}
