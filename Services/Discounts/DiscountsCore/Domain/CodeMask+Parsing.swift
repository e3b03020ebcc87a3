extension CodeMask {
    /// The largest number a placeholder argument may be: 10^18, so sums of a start and a count
    /// and products of two ranges are checked rather than trusted.
    public static let maxArgument: Int64 = 1_000_000_000_000_000_000

    /// Parses `text`; a malformed mask throws, naming the position of the problem.
    public static func parse(_ text: String) throws(CodeMaskError) -> CodeMask {
        let characters = Array(text.unicodeScalars)
        guard !characters.isEmpty, text.utf8.count <= maxMaskLength else {
            throw CodeMaskError(.length, at: 1)
        }
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "<":
                guard let close = characters[index...].firstIndex(of: ">") else {
                    throw CodeMaskError(.unclosedPlaceholder, at: index + 1)
                }
                // A second `<` before the `>` leaves this one open: placeholders do not nest.
                if characters[(index + 1)..<close].contains("<") {
                    throw CodeMaskError(.unclosedPlaceholder, at: index + 1)
                }
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = []
                }
                segments.append(try placeholder(characters[(index + 1)..<close], at: index + 1))
                index = close + 1
            case ">":
                throw CodeMaskError(.strayClosingBracket, at: index + 1)
            default:
                guard let byte = codeByte(character) else {
                    throw CodeMaskError(.character(String(character)), at: index + 1)
                }
                literal.append(byte)
                index += 1
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        guard segments.contains(where: { if case .literal = $0 { false } else { true } }) else {
            throw CodeMaskError(.noPlaceholder, at: 1)
        }
        let mask = CodeMask(text: text, segments: segments)
        let length = mask.longestCodeLength
        guard length <= maxCodeLength else { throw CodeMaskError(.codeTooLong(length), at: 1) }
        return mask
    }

    /// A character a code may hold, upper-cased: ASCII letters, digits, `-` and `_`.
    static func codeByte(_ character: Unicode.Scalar) -> UInt8? {
        guard character.isASCII else { return nil }
        let byte = UInt8(character.value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 32
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        case UInt8(ascii: "-"), UInt8(ascii: "_"): return byte
        default: return nil
        }
    }

    /// The text between `<` and `>`, which starts at 1-based `position`.
    private static func placeholder(_ body: ArraySlice<Unicode.Scalar>, at position: Int) throws(CodeMaskError)
        -> Segment
    {
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        let name = parts[0].uppercased()
        switch name {
        case "NUM":
            guard parts.count == 2 else { throw CodeMaskError(.arguments("<NUM:start>"), at: position) }
            return .sequence(start: try number(parts[1], at: position))
        case "RAND":
            guard parts.count == 3 else { throw CodeMaskError(.arguments("<RAND:min:max>"), at: position) }
            let low = try number(parts[1], at: position)
            let high = try number(parts[2], at: position)
            guard low <= high else { throw CodeMaskError(.emptyRange, at: position) }
            return .random(min: low, max: high, width: decimalWidth(high))
        default:
            throw CodeMaskError(.unknownPlaceholder(parts[0]), at: position)
        }
    }

    /// A placeholder argument: decimal digits only, at most `maxArgument`.
    private static func number(_ text: String, at position: Int) throws(CodeMaskError) -> Int64 {
        guard !text.isEmpty, text.utf8.count <= 19, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let value = Int64(text), value <= maxArgument
        else { throw CodeMaskError(.notANumber(text), at: position) }
        return value
    }

    /// The number of decimal digits of a non-negative `value`.
    static func decimalWidth(_ value: Int64) -> Int {
        var width = 1
        var rest = value / 10
        while rest > 0 {
            width += 1
            rest /= 10
        }
        return width
    }
}
