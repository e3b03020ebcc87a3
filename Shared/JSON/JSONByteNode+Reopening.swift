/// Turning an object or array already written as bytes back into a node, for the two places
/// where `JSONEncoder` lets a finished value grow: a nested container asked for under a key whose
/// value was an object (or array), and a keyed (or unkeyed) container asked for after the single
/// value container was given an object (or array). The bytes are this encoder's own output, so
/// they are valid, compact JSON; member values stay as their bytes, only keys are unescaped.
extension JSONByteNode {
    /// The members of the object or array in `bytes`, as a node of `kind` at `depth`; nil when
    /// the bytes hold another kind of value.
    static func reopen(
        _ bytes: UnsafeBufferPointer<UInt8>, as kind: Kind, depth: Int, context: JSONByteEncoder.Context
    ) -> JSONByteNode? {
        let (open, close) =
            kind == .object ? (UInt8(ascii: "{"), UInt8(ascii: "}")) : (UInt8(ascii: "["), UInt8(ascii: "]"))
        guard kind != .value, bytes.first == open, bytes.last == close else { return nil }
        let node = context.node(kind: kind, depth: depth)
        var reader = Reader(bytes: Array(bytes))
        reader.index = 1
        while reader.index < reader.bytes.count - 1 {
            var key: String?
            if kind == .object {
                key = reader.readKey()
                reader.index += 1  // the colon
            }
            let start = reader.index
            reader.skipValue()
            let valueStart = node.bytes.count
            node.bytes.append(UnsafeBufferPointer(rebasing: bytes[start..<reader.index]))
            if let key {
                node.addMember(key: key, valueStart: valueStart)
            } else {
                node.addElement(valueStart: valueStart)
            }
            reader.index += 1  // the comma, or the closing bracket
        }
        return node
    }

    /// A cursor over compact JSON written by `JSONByteEncoder`.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        /// Reads a quoted key and undoes the escapes `JSONStringEscaping` writes.
        mutating func readKey() -> String {
            var raw: [UInt8] = []
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                    raw.append(bytes[index])
                    index += 1
                    continue
                }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "b"): raw.append(0x08)
                case UInt8(ascii: "f"): raw.append(0x0C)
                case UInt8(ascii: "n"): raw.append(0x0A)
                case UInt8(ascii: "r"): raw.append(0x0D)
                case UInt8(ascii: "t"): raw.append(0x09)
                case UInt8(ascii: "u"):
                    // Only \\u00XX is ever written: two zeros, then two hex digits.
                    var value: UInt8 = 0
                    for offset in 2..<4 where index + offset < bytes.count {
                        value = value << 4 | Self.hexValue(bytes[index + offset])
                    }
                    raw.append(value)
                    index += 4
                default: raw.append(escaped)
                }
            }
            index += 1
            return String(decoding: raw, as: UTF8.self)
        }

        /// Moves past one value: a string, an object or array (brackets counted outside strings),
        /// or a literal or number.
        mutating func skipValue() {
            var depth = 0
            var inString = false
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                        if depth == 0 {
                            index += 1
                            return
                        }
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if depth == 0 { return }
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return
                        }
                    case UInt8(ascii: ","):
                        if depth == 0 { return }
                    default: break
                    }
                }
                index += 1
            }
        }

        private static func hexValue(_ byte: UInt8) -> UInt8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: 0
            }
        }
    }
}
