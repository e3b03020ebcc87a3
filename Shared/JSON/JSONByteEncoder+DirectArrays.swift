/// Arrays of integers of any width, of `String`, `Float` and `Double`, written in one go rather
/// than element by element through an unkeyed container (newer `JSONEncoder`s do the same).
/// They count against the nesting limit like any array, as in swift-foundation 6.3.
extension JSONByteEncoder {
    /// Appends `value` if it is one of those arrays; false otherwise.
    func appendDirectArray<T>(
        _ value: T, to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey]
    ) throws -> Bool {
        if T.self == [String].self, let array = value as? [String] {
            try checkDepth(of: node)
            node.bytes.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { node.bytes.append(UInt8(ascii: ",")) }
                JSONStringEscaping.appendQuoted(element, to: node.bytes)
            }
            node.bytes.append(UInt8(ascii: "]"))
        } else if T.self == [Int].self, let array = value as? [Int] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [Int64].self, let array = value as? [Int64] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [Double].self, let array = value as? [Double] {
            try checkDepth(of: node)
            try appendFloatingPoints(array, to: node, key: key, path: path)
        } else if T.self == [Float].self, let array = value as? [Float] {
            try checkDepth(of: node)
            try appendFloatingPoints(array, to: node, key: key, path: path)
        } else if T.self == [Int32].self, let array = value as? [Int32] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [Int16].self, let array = value as? [Int16] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [Int8].self, let array = value as? [Int8] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [UInt].self, let array = value as? [UInt] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [UInt64].self, let array = value as? [UInt64] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [UInt32].self, let array = value as? [UInt32] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [UInt16].self, let array = value as? [UInt16] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if T.self == [UInt8].self, let array = value as? [UInt8] {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
            let array = (T.self == [Int128].self ? value as? [Int128] : nil)
        {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *),
            let array = (T.self == [UInt128].self ? value as? [UInt128] : nil)
        {
            try checkDepth(of: node)
            appendIntegers(array, to: node)
        } else {
            return false
        }
        return true
    }

    /// An array inside `node` is one level deeper than it (a top-level array is at depth 1).
    private func checkDepth(of node: JSONByteNode) throws {
        guard node.depth + 1 < JSONByteNode.maximumDepth else { throw Failure.tooDeep }
    }

    private func appendIntegers<Integer: FixedWidthInteger>(_ array: [Integer], to node: JSONByteNode) {
        node.bytes.append(UInt8(ascii: "["))
        for (index, element) in array.enumerated() {
            if index > 0 { node.bytes.append(UInt8(ascii: ",")) }
            JSONNumberFormatting.appendAnyInteger(element, to: node.bytes)
        }
        node.bytes.append(UInt8(ascii: "]"))
    }

    private func appendFloatingPoints<Float: BinaryFloatingPoint & CustomStringConvertible>(
        _ array: [Float], to node: JSONByteNode, key: (any CodingKey)?, path: [any CodingKey]
    ) throws {
        node.bytes.append(UInt8(ascii: "["))
        for (index, element) in array.enumerated() {
            if index > 0 { node.bytes.append(UInt8(ascii: ",")) }
            try appendFloatingPoint(element, to: node, key: key, path: path)
        }
        node.bytes.append(UInt8(ascii: "]"))
    }
}
