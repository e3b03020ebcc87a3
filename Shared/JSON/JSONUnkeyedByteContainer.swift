/// The unkeyed container of `JSONByteEncoder`: each element is serialised into the array's node
/// as it comes; nested containers and super-encoders become deferred elements kept in their place.
struct JSONUnkeyedByteContainer: UnkeyedEncodingContainer {
    let encoder: JSONByteEncoder
    let node: JSONByteNode
    /// The keys from the encoder's value to this container.
    let path: [any CodingKey]

    var codingPath: [any CodingKey] { encoder.codingPath + path }
    var count: Int { node.count }

    mutating func encodeNil() throws { appendRaw("null") }
    mutating func encode(_ value: Bool) throws { appendRaw(value ? "true" : "false") }

    mutating func encode(_ value: String) throws {
        let start = node.bytes.count
        JSONStringEscaping.appendQuoted(value, to: node.bytes)
        node.addElement(valueStart: start)
    }

    mutating func encode(_ value: Double) throws {
        let start = node.bytes.count
        try encoder.appendFloatingPoint(value, to: node, key: nextKey, path: path)
        node.addElement(valueStart: start)
    }

    mutating func encode(_ value: Float) throws {
        let start = node.bytes.count
        try encoder.appendFloatingPoint(value, to: node, key: nextKey, path: path)
        node.addElement(valueStart: start)
    }

    mutating func encode(_ value: Int) throws { appendInteger(Int64(value)) }
    mutating func encode(_ value: Int8) throws { appendInteger(Int64(value)) }
    mutating func encode(_ value: Int16) throws { appendInteger(Int64(value)) }
    mutating func encode(_ value: Int32) throws { appendInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { appendInteger(Int64(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128) throws { appendWide(value.description) }
    mutating func encode(_ value: UInt) throws { appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { appendInteger(UInt64(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128) throws { appendWide(value.description) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let start = node.bytes.count
        if try !encoder.appendValue(value, to: node, key: nextKey, path: path, depth: node.depth) {
            node.bytes.append("{}")
        }
        node.addElement(valueStart: start)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let key = nextKey
        let nested = encoder.context.node(kind: .object, depth: node.depth + 1)
        node.addDeferred(.node(nested), key: nil)
        return KeyedEncodingContainer(
            JSONKeyedByteContainer<NestedKey>(encoder: encoder, node: nested, path: path + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let nested = encoder.context.node(kind: .array, depth: node.depth + 1)
        node.addDeferred(.node(nested), key: nil)
        return JSONUnkeyedByteContainer(encoder: encoder, node: nested, path: path + [key])
    }

    /// An encoder whose value takes this place in the array when the array is written.
    mutating func superEncoder() -> any Encoder {
        let sink = encoder.context.node(kind: .value, depth: node.depth)
        let referencing = JSONByteEncoder(context: encoder.context, sink: sink)
        referencing.configure(
            parent: encoder, key: nextKey, path: path, sink: sink, depth: node.depth, referencing: true)
        node.addDeferred(.encoder(referencing), key: nil)
        return referencing
    }

    // MARK: - Helpers

    private var nextKey: JSONByteEncoder.PathKey { JSONByteEncoder.PathKey(intValue: node.count) }

    private func appendRaw(_ literal: StaticString) {
        let start = node.bytes.count
        node.bytes.append(literal)
        node.addElement(valueStart: start)
    }

    private func appendInteger(_ value: Int64) {
        let start = node.bytes.count
        JSONNumberFormatting.appendInteger(value, to: node.bytes)
        node.addElement(valueStart: start)
    }

    private func appendInteger(_ value: UInt64) {
        let start = node.bytes.count
        JSONNumberFormatting.appendInteger(value, to: node.bytes)
        node.addElement(valueStart: start)
    }

    private func appendWide(_ digits: String) {
        let start = node.bytes.count
        JSONNumberFormatting.appendText(digits, to: node.bytes)
        node.addElement(valueStart: start)
    }
}
