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
        // Candidates are picked by size first: comparing sizes is nearly free, and most values
        // handed to a container (structs, string enums) match none of these sizes or few.
        // Then metatype comparisons, which cost a pointer compare, before the one cast that succeeds.
        let size = MemoryLayout<T>.size
        let output = node.bytes
        if size == MemoryLayout<String>.size, T.self == String.self, let text = value as? String {
            JSONStringEscaping.appendQuoted(text, to: output)
        } else if size == MemoryLayout<Int64>.size,
            let number = Self.cast(value, to: Int64.self) ?? Self.cast(value, to: Int.self).map(Int64.init)
        {
            JSONNumberFormatting.appendInteger(number, to: output)
        } else if size == MemoryLayout<Bool>.size, T.self == Bool.self, let flag = value as? Bool {
            output.append(flag ? "true" : "false")
        } else if size == MemoryLayout<Date>.size, T.self == Date.self, let date = value as? Date {
            // `JSONCoding.encoder()`'s date strategy: the RFC 3339 text as a string.
            RFC3339.appendQuoted(date, to: output)
        } else if size == MemoryLayout<Decimal>.size, T.self == Decimal.self, let decimal = value as? Decimal {
            context.appendDecimal(decimal, to: output)
        } else if size == MemoryLayout<Double>.size, T.self == Double.self, let number = value as? Double {
            try appendFloatingPoint(number, to: node, key: key, path: path)
        } else if size == MemoryLayout<Float>.size, T.self == Float.self, let number = value as? Float {
            try appendFloatingPoint(number, to: node, key: key, path: path)
        } else if size == MemoryLayout<Data>.size, T.self == Data.self, let data = value as? Data {
            JSONStringEscaping.appendQuoted(data.base64EncodedString(), to: output)
        } else if size == MemoryLayout<URL>.size, T.self == URL.self, let url = value as? URL {
            JSONStringEscaping.appendQuoted(url.absoluteString, to: output)
        } else if size <= MemoryLayout<UInt64>.size * 2, appendOtherInteger(value, to: output) {
            return true
        } else if size == MemoryLayout<[Int]>.size {
            return try appendDirectArray(value, to: node, key: key, path: path)
        } else {
            return false
        }
        return true
    }

    /// `value` as a `Wanted`, when `T` is `Wanted`.
    @inline(__always)
    static func cast<T, Wanted>(_ value: T, to wanted: Wanted.Type) -> Wanted? {
        T.self == Wanted.self ? value as? Wanted : nil
    }

    /// Appends a finite floating-point number; NaN and the infinities are an `EncodingError`.
    func appendFloatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(
        _ value: Float, to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey]
    ) throws {
        guard JSONNumberFormatting.appendFloatingPoint(value, to: node.bytes) else {
            var fullPath = codingPath + path
            if let key { fullPath.append(key) }
            throw EncodingError.invalidValue(
                value,
                .init(
                    codingPath: fullPath, debugDescription: "Unable to encode \(Float.self).\(value) directly in JSON.")
            )
        }
    }

    /// Appends an integer of a width `appendSpecial` does not test first; false for other types.
    private func appendOtherInteger<T>(_ value: T, to output: JSONByteBuffer) -> Bool {
        if let number = Self.cast(value, to: UInt64.self) ?? Self.cast(value, to: UInt.self).map(UInt64.init) {
            JSONNumberFormatting.appendInteger(number, to: output)
        } else if let number = Self.cast(value, to: Int32.self).map(Int64.init) ?? Self.cast(value, to: Int16.self).map(
            Int64.init)
            ?? Self.cast(value, to: Int8.self).map(Int64.init)
        {
            JSONNumberFormatting.appendInteger(number, to: output)
        } else if let number = Self.cast(value, to: UInt32.self).map(UInt64.init) ?? Self.cast(value, to: UInt16.self)
            .map(UInt64.init)
            ?? Self.cast(value, to: UInt8.self).map(UInt64.init)
        {
            JSONNumberFormatting.appendInteger(number, to: output)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
            let number = Self.cast(value, to: Int128.self)
        {
            JSONNumberFormatting.appendText(number.description, to: output)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
            let number = Self.cast(value, to: UInt128.self)
        {
            JSONNumberFormatting.appendText(number.description, to: output)
        } else {
            return false
        }
        return true
    }
}
