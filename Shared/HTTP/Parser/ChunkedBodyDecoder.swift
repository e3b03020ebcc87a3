/// Decodes the chunked transfer coding (RFC 9112 §7.1) incrementally from a byte buffer.
///
/// Each call hands back the next run of body bytes as a range of the buffer (the caller copies
/// it), asks for more bytes, or reports the end once the trailer section is consumed.
struct ChunkedBodyDecoder: Sendable {
    /// What a call to `decode` found.
    enum Output: Equatable {
        /// Body bytes at this range of the buffer, already consumed.
        case data(Range<Int>)
        case needMore
        /// The last chunk and the trailer section are consumed.
        case end
    }

    private enum Phase: Sendable {
        case size, data, dataEnd, trailers, done
    }

    /// Longest chunk-size line (size and extensions, RFC 9112 §7.1.1). Extensions are ignored,
    /// so there is no reason to buffer more of them than a sane peer would send.
    static let maxSizeLineBytes = 1024
    /// More hex digits than this is an overlong size, even with leading zeros.
    static let maxSizeDigits = 16

    private var phase = Phase.size
    private var scanned = 0
    /// Bytes left in the current chunk.
    private var remaining = 0
    /// Body bytes announced so far, across all chunks.
    private(set) var total = 0
    /// The trailer section, counted against the same limits as the header section it follows.
    private var trailers: HTTPFieldSection

    /// Starts a body whose header section used this much of the header limits.
    init(headerBytes: Int, headerCount: Int) {
        trailers = HTTPFieldSection(trailerAfter: headerBytes, headerCount)
    }

    /// Decodes from `index` on. `maxTotal` is the largest body accepted; a chunk whose size
    /// would take the body past it is refused when its size line arrives, before its data.
    mutating func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        index: inout Int,
        limits: HTTPLimits,
        maxTotal: Int
    ) throws(HTTPParseError) -> Output {
        while true {
            switch phase {
            case .size:
                guard
                    let lineEnd = try HTTPSyntax.findLineEnd(
                        bytes,
                        start: index,
                        scanned: &scanned,
                        maxContent: Self.maxSizeLineBytes,
                        tooLong: .malformed("chunk size line too long")
                    )
                else { return .needMore }
                let size = try Self.parseSizeLine(bytes, index, lineEnd)
                let (newTotal, overflow) = total.addingReportingOverflow(size)
                if overflow || newTotal > maxTotal { throw HTTPParseError(.bodyTooLarge, "body too large") }
                total = newTotal
                index = lineEnd + 2
                remaining = size
                phase = size == 0 ? .trailers : .data
            case .data:
                let available = bytes.count - index
                guard available > 0 else { return .needMore }
                let count = min(available, remaining)
                let range = index..<(index + count)
                index += count
                remaining -= count
                if remaining == 0 { phase = .dataEnd }
                return .data(range)
            case .dataEnd:
                guard bytes.count - index >= 2 else {
                    // Refuse a wrong first byte at once rather than waiting for the second.
                    if bytes.count - index == 1 && bytes[index] != HTTPSyntax.cr {
                        throw .malformed("chunk data not followed by CRLF")
                    }
                    return .needMore
                }
                guard bytes[index] == HTTPSyntax.cr, bytes[index + 1] == HTTPSyntax.lf else {
                    throw .malformed("chunk data not followed by CRLF")
                }
                index += 2
                phase = .size
            case .trailers:
                guard try trailers.read(bytes, index: &index, scanned: &scanned, limits: limits) else {
                    return .needMore
                }
                phase = .done
                return .end
            case .done:
                return .end
            }
        }
    }

    /// chunk-size [ chunk-ext ] (RFC 9112 §7.1): hex digits without sign or `0x`, then
    /// `*( BWS ";" BWS ext-name [ BWS "=" BWS ext-value ] )`, whose content is ignored.
    private static func parseSizeLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws(HTTPParseError) -> Int
    {
        var position = start
        var size = 0
        while position < end, let digit = HTTPSyntax.hexValue(bytes[position]) {
            guard position - start < maxSizeDigits else { throw .malformed("chunk size too long") }
            let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
            guard !overflow else { throw .malformed("chunk size too large") }
            size = shifted | digit
            position += 1
        }
        guard position > start else { throw .malformed("invalid chunk size") }
        guard position < end else { return size }
        // Extensions: optional whitespace, then `;`; the rest only has to be printable.
        var extensionStart = position
        while extensionStart < end && HTTPSyntax.isWhitespace(bytes[extensionStart]) { extensionStart += 1 }
        guard extensionStart < end, bytes[extensionStart] == 0x3B else { throw .malformed("invalid chunk size") }
        for index in extensionStart..<end where !HTTPSyntax.isFieldValueByte(bytes[index]) {
            throw .malformed("invalid chunk extension")
        }
        return size
    }
}
