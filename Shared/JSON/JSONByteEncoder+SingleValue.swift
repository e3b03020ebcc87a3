/// `JSONByteEncoder` is its own single value container, as `JSONEncoder`'s encoder is: the
/// value goes straight into the bytes of the enclosing container (or of the top level).
extension JSONByteEncoder: SingleValueEncodingContainer {
    func encodeNil() throws { try claimSingleValue().bytes.append("null") }
    func encode(_ value: Bool) throws { try claimSingleValue().bytes.append(value ? "true" : "false") }
    func encode(_ value: String) throws {
        let sink = try claimSingleValue()
        JSONStringEscaping.appendQuoted(value, to: sink.bytes)
    }

    func encode(_ value: Double) throws { try appendFloatingPoint(value, to: claimSingleValue(), key: nil, path: []) }
    func encode(_ value: Float) throws { try appendFloatingPoint(value, to: claimSingleValue(), key: nil, path: []) }
    func encode(_ value: Int) throws { try appendInteger(Int64(value)) }
    func encode(_ value: Int8) throws { try appendInteger(Int64(value)) }
    func encode(_ value: Int16) throws { try appendInteger(Int64(value)) }
    func encode(_ value: Int32) throws { try appendInteger(Int64(value)) }
    func encode(_ value: Int64) throws { try appendInteger(Int64(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: Int128) throws { try appendWide(value.description) }
    func encode(_ value: UInt) throws { try appendInteger(UInt64(value)) }
    func encode(_ value: UInt8) throws { try appendInteger(UInt64(value)) }
    func encode(_ value: UInt16) throws { try appendInteger(UInt64(value)) }
    func encode(_ value: UInt32) throws { try appendInteger(UInt64(value)) }
    func encode(_ value: UInt64) throws { try appendInteger(UInt64(value)) }
    @available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *)
    func encode(_ value: UInt128) throws { try appendWide(value.description) }

    func encode<T: Encodable>(_ value: T) throws {
        let sink = try claimSingleValue()
        // A value that encodes nothing is `{}` here, even at the top level, as in `JSONEncoder`.
        if try !appendValue(value, to: sink, key: nil, path: [], depth: depth) {
            sink.bytes.append("{}")
        }
    }

    private func appendInteger(_ value: Int64) throws {
        JSONNumberFormatting.appendInteger(value, to: try claimSingleValue().bytes)
    }

    private func appendInteger(_ value: UInt64) throws {
        JSONNumberFormatting.appendInteger(value, to: try claimSingleValue().bytes)
    }

    private func appendWide(_ digits: String) throws {
        JSONNumberFormatting.appendText(digits, to: try claimSingleValue().bytes)
    }
}
