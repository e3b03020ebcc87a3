/// `JSONByteEncoder` is its own single value container, as `JSONEncoder`'s encoder is: the
/// value goes straight into the bytes of the enclosing container (or of the top level).
extension JSONByteEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { try claimSingleValue().bytes.append(contentsOf: Self.null) }
    func encode(_ value: Bool) throws { try claimSingleValue().bytes.append(contentsOf: value ? Self.true : Self.false) }
    func encode(_ value: String) throws {
        let sink = try claimSingleValue()
        JSONStringEscaping.appendQuoted(value, to: &sink.bytes)
    }

    func encode(_ value: Double) throws { try appendFloatingPoint(value, to: claimSingleValue(), key: nil, path: []) }
    func encode(_ value: Float) throws { try appendFloatingPoint(value, to: claimSingleValue(), key: nil, path: []) }
    func encode(_ value: Int) throws { try appendInteger(value) }
    func encode(_ value: Int8) throws { try appendInteger(value) }
    func encode(_ value: Int16) throws { try appendInteger(value) }
    func encode(_ value: Int32) throws { try appendInteger(value) }
    func encode(_ value: Int64) throws { try appendInteger(value) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: Int128) throws { try appendInteger(value) }
    func encode(_ value: UInt) throws { try appendInteger(value) }
    func encode(_ value: UInt8) throws { try appendInteger(value) }
    func encode(_ value: UInt16) throws { try appendInteger(value) }
    func encode(_ value: UInt32) throws { try appendInteger(value) }
    func encode(_ value: UInt64) throws { try appendInteger(value) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: UInt128) throws { try appendInteger(value) }

    func encode<T: Encodable>(_ value: T) throws {
        let sink = try claimSingleValue()
        // A value that encodes nothing is `{}` here, even at the top level, as in `JSONEncoder`.
        if try !appendValue(value, to: sink, key: nil, path: [], depth: depth) {
            sink.bytes.append(contentsOf: Self.emptyObject)
        }
    }

    private func appendInteger<Integer: FixedWidthInteger>(_ value: Integer) throws {
        let sink = try claimSingleValue()
        JSONNumberFormatting.appendInteger(value, to: &sink.bytes)
    }
}
