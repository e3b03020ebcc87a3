/// A header or trailer section being read line by line (RFC 9112 §5): the fields so far, what
/// they used of the limits, and the framing fields (Content-Length, Transfer-Encoding, Host) seen.
///
/// Each field line is validated and turned into Strings as soon as its CRLF arrives, so the
/// buffer never has to be scanned again. Framing fields are recognised from their bytes on the
/// way, so deciding the framing later needs no lookups.
struct HTTPFieldSection: Sendable {
    /// The fields read so far, in order (handed over as they are; a reusable scratch array
    /// measured no faster, as copying it into `HTTPHeaders` costs what it saves).
    private(set) var headers = HTTPHeaders()
    /// Bytes of the field lines read so far, CRLFs included.
    var byteCount = 0
    /// Field lines read so far.
    var fieldCount = 0
    /// The Content-Length all fields agreed on, if any was present.
    var contentLength: Int?
    /// Transfer-Encoding field lines seen; only a single `chunked` is accepted.
    var transferEncodingCount = 0
    var hostCount = 0

    /// Whether the section is a body's trailer: validated, counted and thrown away (RFC 9112
    /// §7.1.2 lets a recipient discard trailer fields it does not understand).
    var discardsFields = false

    init() {}

    /// Starts a trailer section that continues the header section's use of the limits.
    init(trailerAfter headerBytes: Int, _ headerCount: Int) {
        byteCount = headerBytes
        fieldCount = headerCount
        discardsFields = true
    }

    /// Forgets everything for the next message.
    mutating func reset() {
        headers = HTTPHeaders()
        byteCount = 0
        fieldCount = 0
        contentLength = nil
        transferEncodingCount = 0
        hostCount = 0
    }

    /// Reads complete field lines from `index` on, advancing `index` past each. Returns true
    /// once the empty line that ends the section has been consumed, false when more bytes are
    /// needed (`scanned` then remembers how far the unfinished line was searched).
    mutating func read(
        _ bytes: UnsafeBufferPointer<UInt8>,
        index: inout Int,
        scanned: inout Int,
        limits: HTTPLimits
    ) throws(HTTPParseError) -> Bool {
        while true {
            guard
                let lineEnd = try HTTPSyntax.findLineEnd(
                    bytes,
                    start: index,
                    scanned: &scanned,
                    maxContent: limits.maxHeaderBytes - byteCount - 2,
                    tooLong: HTTPParseError(.headersTooLarge, "header fields too large")
                )
            else { return false }
            if lineEnd == index {
                index += 2
                return true
            }
            byteCount += lineEnd - index + 2
            fieldCount += 1
            if fieldCount > limits.maxHeaderCount {
                throw HTTPParseError(.headersTooLarge, "too many header fields")
            }
            try readField(bytes, index, lineEnd)
            index = lineEnd + 2
        }
    }

    /// Validates one field line `name ":" OWS value OWS` (RFC 9112 §5) in `bytes[start..<end]`.
    private mutating func readField(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws(HTTPParseError)
    {
        // A line starting with whitespace is obs-fold (or whitespace after the start line);
        // RFC 9112 §5.2 and §2.2 allow rejecting it, and folding has no legitimate use today.
        if HTTPSyntax.isWhitespace(bytes[start]) { throw .malformed("obsolete line folding") }
        var nameEnd = start
        while nameEnd < end && HTTPSyntax.isTokenByte(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > start, nameEnd < end, bytes[nameEnd] == HTTPSyntax.colon else {
            // Includes whitespace between name and colon, which RFC 9112 §5.1 requires a server
            // to reject with 400 because proxies disagree on what the name is.
            throw .malformed("invalid header field name")
        }
        var valueStart = nameEnd + 1
        while valueStart < end && HTTPSyntax.isWhitespace(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart && HTTPSyntax.isWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        guard HTTPSyntax.isFieldValue(bytes, valueStart, valueEnd) else {
            throw .malformed("invalid character in header field value")
        }
        if discardsFields { return }
        try noteFraming(bytes, name: start, nameEnd, value: valueStart, valueEnd)
        headers.add(
            name: HTTPSyntax.string(bytes, start, nameEnd), value: HTTPSyntax.string(bytes, valueStart, valueEnd))
    }

    /// Records the fields that decide the message's framing (RFC 9112 §6).
    private mutating func noteFraming(
        _ bytes: UnsafeBufferPointer<UInt8>,
        name nameStart: Int,
        _ nameEnd: Int,
        value valueStart: Int,
        _ valueEnd: Int
    ) throws(HTTPParseError) {
        switch nameEnd - nameStart {
        case 4 where HTTPSyntax.matchesIgnoringCase(bytes, nameStart, nameEnd, "host"):
            hostCount += 1
        case 14 where HTTPSyntax.matchesIgnoringCase(bytes, nameStart, nameEnd, "content-length"):
            try noteContentLength(bytes, valueStart, valueEnd)
        case 17 where HTTPSyntax.matchesIgnoringCase(bytes, nameStart, nameEnd, "transfer-encoding"):
            transferEncodingCount += 1
            // Only a single `chunked` is understood. Any other coding, a list, or a repeated
            // field would need decoding we do not do, and RFC 9112 §6.1 requires chunked to be
            // final; refusing them all closes the smuggling paths that rely on disagreement.
            guard transferEncodingCount == 1,
                HTTPSyntax.matchesIgnoringCase(bytes, valueStart, valueEnd, "chunked")
            else { throw .malformed("unsupported Transfer-Encoding") }
        default:
            break
        }
    }

    /// Content-Length = 1*DIGIT (RFC 9110 §8.6). A list of identical values, or repeated
    /// identical fields, may be accepted as one; differing values are an error (RFC 9112 §6.3).
    private mutating func noteContentLength(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws(HTTPParseError)
    {
        var position = start
        while true {
            var elementEnd = position
            while elementEnd < end && bytes[elementEnd] != 0x2C { elementEnd += 1 }
            var digitsStart = position
            var digitsEnd = elementEnd
            while digitsStart < digitsEnd && HTTPSyntax.isWhitespace(bytes[digitsStart]) { digitsStart += 1 }
            while digitsEnd > digitsStart && HTTPSyntax.isWhitespace(bytes[digitsEnd - 1]) { digitsEnd -= 1 }
            guard digitsStart < digitsEnd else { throw .malformed("invalid Content-Length") }
            var value = 0
            for index in digitsStart..<digitsEnd {
                let byte = bytes[index]
                guard HTTPSyntax.isDigit(byte) else { throw .malformed("invalid Content-Length") }
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte &- 0x30))
                guard !overflow1, !overflow2 else { throw .malformed("Content-Length too large") }
                value = sum
            }
            if let known = contentLength, known != value {
                throw .malformed("conflicting Content-Length values")
            }
            contentLength = value
            guard elementEnd < end else { return }
            position = elementEnd + 1
        }
    }
}
