/// The keyed container of `JSONByteEncoder`: each value is serialised into the object's node as
/// it comes, under its key; nested containers and super-encoders become deferred members. As in
/// `JSONEncoder`, a key written twice keeps the last value, and a nested container asked for
/// again under the same key is the same container (or the object written there, reopened).
struct JSONKeyedByteContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONByteEncoder
    let node: JSONByteNode
    /// The keys from the encoder's value to this container.
    let path: [any CodingKey]

    var codingPath: [any CodingKey] { encoder.codingPath + path }

    mutating func encodeNil(forKey key: Key) throws { appendRaw("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { appendRaw(value ? "true" : "false", key) }

    mutating func encode(_ value: String, forKey key: Key) throws {
        let start = node.bytes.count
        JSONStringEscaping.appendQuoted(value, to: node.bytes)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        let start = node.bytes.count
        try encoder.appendFloatingPoint(value, to: node, key: key, path: path)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        let start = node.bytes.count
        try encoder.appendFloatingPoint(value, to: node, key: key, path: path)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { appendInteger(Int64(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { appendInteger(Int64(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { appendInteger(Int64(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { appendInteger(Int64(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { appendInteger(Int64(value), key) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { appendWide(value.description, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { appendInteger(UInt64(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { appendInteger(UInt64(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { appendInteger(UInt64(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { appendInteger(UInt64(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { appendInteger(UInt64(value), key) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { appendWide(value.description, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let start = node.bytes.count
        if try !encoder.appendValue(value, to: node, key: key, path: path, depth: node.depth) {
            node.bytes.append("{}")
        }
        node.addMember(key: key.stringValue, valueStart: start)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = nestedNode(.object, forKey: key)
        return KeyedEncodingContainer(
            JSONKeyedByteContainer<NestedKey>(encoder: encoder, node: nested, path: path + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONUnkeyedByteContainer(encoder: encoder, node: nestedNode(.array, forKey: key), path: path + [key])
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(named: JSONByteEncoder.PathKey.super)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        superEncoder(named: key)
    }

    // MARK: - Helpers

    private func appendRaw(_ literal: StaticString, _ key: Key) {
        let start = node.bytes.count
        node.bytes.append(literal)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    private func appendInteger(_ value: Int64, _ key: Key) {
        let start = node.bytes.count
        JSONNumberFormatting.appendInteger(value, to: node.bytes)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    private func appendInteger(_ value: UInt64, _ key: Key) {
        let start = node.bytes.count
        JSONNumberFormatting.appendInteger(value, to: node.bytes)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    private func appendWide(_ digits: String, _ key: Key) {
        let start = node.bytes.count
        JSONNumberFormatting.appendText(digits, to: node.bytes)
        node.addMember(key: key.stringValue, valueStart: start)
    }

    /// The container of `kind` under `key`: the one opened before, or the object or array
    /// written there before, reopened (as `JSONEncoder` does), or else a new one.
    private func nestedNode(_ kind: JSONByteNode.Kind, forKey key: Key) -> JSONByteNode {
        let name = key.stringValue
        if let existing = node.latestMember(named: name) {
            switch node.deferred(of: existing) {
            case .node(let nested)?:
                if nested.kind == kind { return nested }
                encoder.noteMisuse("A nested container of another kind was requested again for key \"\(name)\".")
            case .encoder?:
                break
            case nil:
                let written = node.bytes.bytes(existing.valueStart..<existing.valueEnd)
                if let reopened = JSONByteNode.reopen(
                    written, as: kind, depth: node.depth + 1, context: encoder.context)
                {
                    node.addDeferred(.node(reopened), key: name)
                    return reopened
                }
                encoder.noteMisuse(
                    "A nested container was requested for key \"\(name)\", already given another kind of value.")
            }
        }
        let nested = encoder.context.node(kind: kind, depth: node.depth + 1)
        node.addDeferred(.node(nested), key: name)
        return nested
    }

    /// An encoder whose value becomes the member `key` when this object is written.
    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let sink = encoder.context.node(kind: .value, depth: node.depth)
        let referencing = JSONByteEncoder(context: encoder.context, sink: sink)
        referencing.configure(parent: encoder, key: key, path: path, sink: sink, depth: node.depth, referencing: true)
        node.addDeferred(.encoder(referencing), key: key.stringValue)
        return referencing
    }
}
