/// Big-endian reads from a font file (OpenType §"Data types"), each checked against the end of the
/// region it reads from; reading past it throws instead of trapping.
struct FontBytes: Sendable {
    let bytes: [UInt8]
    /// The region's first byte and length within `bytes`.
    let start: Int
    let count: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = 0
        count = bytes.count
    }

    private init(bytes: [UInt8], start: Int, count: Int) {
        self.bytes = bytes
        self.start = start
        self.count = count
    }

    /// The `length` bytes from `offset`, as a region of their own.
    func region(_ offset: Int, _ length: Int, _ what: @autoclosure () -> String) throws(TrueTypeError) -> FontBytes {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else {
            throw TrueTypeError("\(what()) lies outside the font (offset \(offset), length \(length))")
        }
        return FontBytes(bytes: bytes, start: start + offset, count: length)
    }

    /// The region's bytes, copied.
    var array: [UInt8] { Array(bytes[start..<start + count]) }

    /// The bytes `offset..<offset+length` of the region, copied.
    func slice(_ offset: Int, _ length: Int) throws(TrueTypeError) -> ArraySlice<UInt8> {
        try check(offset, length)
        return bytes[start + offset..<start + offset + length]
    }

    func u8(_ offset: Int) throws(TrueTypeError) -> UInt8 {
        try check(offset, 1)
        return bytes[start + offset]
    }

    func u16(_ offset: Int) throws(TrueTypeError) -> UInt16 {
        try check(offset, 2)
        return UInt16(bytes[start + offset]) << 8 | UInt16(bytes[start + offset + 1])
    }

    func i16(_ offset: Int) throws(TrueTypeError) -> Int16 {
        Int16(bitPattern: try u16(offset))
    }

    func u32(_ offset: Int) throws(TrueTypeError) -> UInt32 {
        try check(offset, 4)
        var value: UInt32 = 0
        for index in 0..<4 { value = value << 8 | UInt32(bytes[start + offset + index]) }
        return value
    }

    private func check(_ offset: Int, _ length: Int) throws(TrueTypeError) {
        guard offset >= 0, offset <= count - length else {
            throw TrueTypeError("a read of \(length) bytes at \(offset) passes the end of a \(count)-byte region")
        }
    }
}
