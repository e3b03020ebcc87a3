#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte classes and small scanners of the HTTP/1.1 grammar (RFC 9110 §5.6, RFC 9112), shared by
/// the request and response parsers. Everything works on an `UnsafeBufferPointer` of received
/// bytes with absolute indexes; nothing here allocates.
enum HTTPSyntax {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// How many empty lines may precede a request or status line (RFC 9112 §2.2 asks to ignore
    /// "at least one"; a few more cost nothing, an endless stream of them is refused).
    static let maxLeadingEmptyLines = 4

    // MARK: - Byte classes

    /// tchar (RFC 9110 §5.6.2) as two 64-bit masks over ASCII: digits, letters and
    /// `!#$%&'*+-.^_`|~`.
    private static let tcharLow: UInt64 = 0x03ff_6cfa_0000_0000
    private static let tcharHigh: UInt64 = 0x57ff_ffff_c7ff_fffe

    /// Whether the byte may appear in a token (method, field name).
    @inline(__always)
    static func isTokenByte(_ byte: UInt8) -> Bool {
        if byte < 64 { return tcharLow & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return tcharHigh & (1 << UInt64(byte &- 64)) != 0 }
        return false
    }

    /// Whether the byte may appear in a field value or reason phrase: HTAB, SP, VCHAR, obs-text
    /// (RFC 9110 §5.5). NUL, CR, LF, DEL and other controls are refused.
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte != 0x7F) || byte == tab
    }

    /// Whether every byte of `bytes[start..<end]` may appear in a field value. Eight bytes are
    /// tested at a time for "below 0x20 or 0x7F" (the classic has-less-than and has-zero bit
    /// tricks); only a word that trips them, usually for a tab, is looked at byte by byte.
    @inline(__always)
    static func isFieldValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while end - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let belowSpace = (word &- ones &* 0x20) & ~word & highs
                let del = word ^ (ones &* 0x7F)
                let hasDel = (del &- ones) & ~del & highs
                if belowSpace | hasDel != 0 {
                    for offset in index..<(index + 8) where !isFieldValueByte(bytes[offset]) { return false }
                }
                index += 8
            }
        }
        while index < end {
            if !isFieldValueByte(bytes[index]) { return false }
            index += 1
        }
        return true
    }

    /// Whether the byte is visible ASCII (VCHAR), the only bytes allowed in a request-target.
    @inline(__always)
    static func isVisibleASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        if isDigit(byte) { return Int(byte &- 0x30) }
        let lower = byte | 0x20
        if lower >= 0x61 && lower <= 0x66 { return Int(lower &- 0x61 &+ 10) }
        return nil
    }

    // MARK: - Lines

    /// Looks for the end of the line that starts at `start`, resuming the search where the
    /// previous call stopped (`scanned` bytes after `start`), so a line arriving in many pieces
    /// is scanned once. Returns the index of the line's CR, or nil when the line is incomplete.
    ///
    /// Throws `tooLong` as soon as the line's content (without CRLF) exceeds `maxContent`, even
    /// before it ends; the length is checked before the terminator so that the outcome does not
    /// depend on how the bytes were split. A line ending in a bare LF is refused (RFC 9112 §2.2
    /// allows accepting it; we do not, as lenient line endings are a request-smuggling vector).
    @inline(__always)
    static func findLineEnd(
        _ bytes: UnsafeBufferPointer<UInt8>,
        start: Int,
        scanned: inout Int,
        maxContent: Int,
        tooLong: @autoclosure () -> HTTPParseError
    ) throws(HTTPParseError) -> Int? {
        let limit = max(maxContent, 0)
        let from = start + scanned
        let end = bytes.count
        // memchr scans with vector instructions; a byte loop here dominated field parsing.
        if from < end, let base = bytes.baseAddress, let found = memchr(base + from, Int32(lf), end - from) {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let hasCR = index > start && bytes[index - 1] == cr
            if index - start - (hasCR ? 1 : 0) > limit { throw tooLong() }
            guard hasCR else { throw .malformed("line ends with a bare LF") }
            scanned = 0
            return index - 1
        }
        scanned = end - start
        let content = scanned - (scanned > 0 && bytes[end - 1] == cr ? 1 : 0)
        if content > limit { throw tooLong() }
        return nil
    }

    /// Reads the next start line (request line or status line): skips at most
    /// `maxLeadingEmptyLines` empty lines before it (RFC 9112 §2.2), and refuses at its first byte
    /// a line that `canStart` rejects (a TLS handshake, binary noise) instead of buffering up to
    /// the line limit; checked before the line is complete, so the outcome is the same however
    /// the bytes arrive. Returns the line's bounds, or nil when more bytes are needed.
    static func readStartLine(
        _ bytes: UnsafeBufferPointer<UInt8>,
        index: inout Int,
        scanned: inout Int,
        emptyLines: inout Int,
        maxContent: Int,
        canStart: (UInt8) -> Bool,
        invalidStart: HTTPParseError,
        tooLong: @autoclosure () -> HTTPParseError,
        tooManyEmptyLines: HTTPParseError
    ) throws(HTTPParseError) -> (start: Int, end: Int)? {
        while true {
            let start = index
            if start < bytes.count && bytes[start] != cr && !canStart(bytes[start]) { throw invalidStart }
            guard
                let lineEnd = try findLineEnd(
                    bytes, start: start, scanned: &scanned, maxContent: maxContent, tooLong: tooLong())
            else { return nil }
            index = lineEnd + 2
            guard lineEnd > start else {
                emptyLines += 1
                if emptyLines > maxLeadingEmptyLines { throw tooManyEmptyLines }
                continue
            }
            return (start, lineEnd)
        }
    }

    // MARK: - Tokens

    /// Parses `HTTP/1.0` or `HTTP/1.1` in `bytes[start..<end]`. Another well-formed version
    /// (`HTTP/2.0`, `HTTP/1.2`) is unsupported (505); anything else is malformed (400).
    static func parseVersion(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int
    ) throws(HTTPParseError) -> HTTPVersion {
        guard end - start == 8, matches(bytes, start, start + 5, "HTTP/"),
            isDigit(bytes[start + 5]), bytes[start + 6] == 0x2E, isDigit(bytes[start + 7])
        else { throw .malformed("invalid HTTP version") }
        let major = Int(bytes[start + 5] &- 0x30)
        let minor = Int(bytes[start + 7] &- 0x30)
        guard major == 1, minor <= 1 else {
            throw HTTPParseError(.unsupportedVersion, "only HTTP/1.0 and HTTP/1.1 are supported")
        }
        return minor == 0 ? .http1_0 : .http1_1
    }

    /// Whether `bytes[start..<end]` equals the ASCII literal exactly.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ literal: StaticString) -> Bool
    {
        guard end - start == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for offset in 0..<(end - start) where bytes[start + offset] != expected[offset] {
            return false
        }
        return true
    }

    /// Whether `bytes[start..<end]` equals the lowercase ASCII literal, ignoring case. Only
    /// letters change under `| 0x20` into the range of letters, so this is exact for tokens.
    @inline(__always)
    static func matchesIgnoringCase(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        _ lowercase: StaticString
    ) -> Bool {
        guard end - start == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for offset in 0..<(end - start) where bytes[start + offset] | 0x20 != expected[offset] {
            return false
        }
        return true
    }

    /// A String of the bytes, built once a token or value is complete. Field values should be
    /// ASCII (RFC 9110 §5.5); obs-text that is not valid UTF-8 becomes U+FFFD.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
