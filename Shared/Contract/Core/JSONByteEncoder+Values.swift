import FoundationEssentials

/// How `JSONByteEncoder` writes a value handed to one of its containers: the types
/// `JSONEncoder` treats specially (`Date` through the suite's RFC 3339 strategy, `Data` as
/// base64, `URL` as its absolute string, `Decimal` as its description, the arrays of numbers and
/// strings it writes directly) and the scalars straight away, anything else through a member encoder.
extension JSONByteEncoder {
    /// Appends `value` to `node`'s bytes as a member of a container at `depth`; false when the
    /// value encoded nothing (the caller writes `{}` or, at the top, fails as `JSONEncoder` does).
    func appendValue<T: Encodable>(
        _ value: T, to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey], depth: Int
    ) throws -> Bool {
        if try appendSpecial(value, to: node, key: key, path: path) { return true }
        let child = takeChild()
        defer { returnChild(child) }
        child.configure(parent: self, key: key, path: path, sink: node, depth: depth)
        try value.encode(to: child)
        return try child.finish()
    }

    /// Appends `value` if it is of a type written without its own `encode(to:)`; false otherwise.
    func appendSpecial<T: Encodable>(
        _ value: T, to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey]
    ) throws -> Bool {
        // Metatype comparisons first: they cost a pointer compare, where a failed `as?` costs a cast.
        if T.self == String.self, let text = value as? String {
            JSONStringEscaping.appendQuoted(text, to: &node.bytes)
        } else if T.self == Int64.self, let number = value as? Int64 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == Int.self, let number = value as? Int {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == Bool.self, let flag = value as? Bool {
            node.bytes.append(contentsOf: flag ? Self.true : Self.false)
        } else if T.self == Date.self, let date = value as? Date {
            // `JSONCoding.encoder()`'s date strategy: the RFC 3339 text as a string.
            RFC3339.appendQuoted(date, to: &node.bytes)
        } else if T.self == Decimal.self, let decimal = value as? Decimal {
            node.bytes.append(contentsOf: decimal.description.utf8)
        } else if T.self == Double.self, let number = value as? Double {
            try appendFloatingPoint(number, to: node, key: key, path: path)
        } else if T.self == Float.self, let number = value as? Float {
            try appendFloatingPoint(number, to: node, key: key, path: path)
        } else if T.self == Data.self, let data = value as? Data {
            JSONStringEscaping.appendQuoted(data.base64EncodedString(), to: &node.bytes)
        } else if T.self == URL.self, let url = value as? URL {
            JSONStringEscaping.appendQuoted(url.absoluteString, to: &node.bytes)
        } else if appendOtherInteger(value, to: node) {
            return true
        } else {
            return try appendDirectArray(value, to: node, key: key, path: path)
        }
        return true
    }

    /// Appends a finite floating-point number; NaN and the infinities are an `EncodingError`.
    func appendFloatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Float, to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey]
    ) throws {
        guard JSONNumberFormatting.appendFloatingPoint(value, to: &node.bytes) else {
            var fullPath = codingPath + path
            if let key { fullPath.append(key) }
            throw EncodingError.invalidValue(
                value, .init(codingPath: fullPath, debugDescription: "Unable to encode \(Float.self).\(value) directly in JSON.")
            )
        }
    }

    /// Appends an integer of a width `appendSpecial` does not test first; false for other types.
    private func appendOtherInteger<T>(_ value: T, to node: JSONByteNode) -> Bool {
        if T.self == Int32.self, let number = value as? Int32 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == UInt64.self, let number = value as? UInt64 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == UInt.self, let number = value as? UInt {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == UInt32.self, let number = value as? UInt32 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == Int16.self, let number = value as? Int16 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == UInt16.self, let number = value as? UInt16 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == Int8.self, let number = value as? Int8 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if T.self == UInt8.self, let number = value as? UInt8 {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
                  let number = (T.self == Int128.self ? value as? Int128 : nil) {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
                  let number = (T.self == UInt128.self ? value as? UInt128 : nil) {
            JSONNumberFormatting.appendInteger(number, to: &node.bytes)
        } else {
            return false
        }
        return true
    }
}
