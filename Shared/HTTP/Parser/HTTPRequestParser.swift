/// Incremental, byte-level HTTP/1.1 request parser (RFC 9112).
///
/// Feed bytes as they arrive with `append`, then call `next()` until it returns nil (needs more):
/// ```swift
/// parser.append(bytes)
/// while let event = try parser.next() {
///     switch event {
///     case .head(let head): parser.bodyLimit = route.bodyLimit(for: head)   // may adjust
///     case .request(let request): handle(request)
///     }
/// }
/// ```
/// Every request yields `.head` once its header block is complete, then `.request` once its body
/// is complete (for a request without a body, both come from the same `next()` sequence). After a
/// thrown error the parser is dead: answer with `error.status` and close the connection.
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable {
        case head(HTTPRequestHead)
        case request(HTTPRequest)
    }

    /// The largest body accepted for the current request; reset to `limits.maxBodyBytes` for
    /// every new request. Set it after `.head` and before the next `next()`.
    public var bodyLimit: Int

    /// The limits this parser enforces.
    public let limits: HTTPLimits

    private enum Phase: Sendable {
        case requestLine, headers, noBody, lengthBody, chunkedBody
    }

    private var buffer = HTTPByteBuffer()
    private var phase = Phase.requestLine
    /// How far the unfinished line after `buffer.readIndex` has been searched for its LF.
    private var scanned = 0
    private var leadingEmptyLines = 0
    private var head = HTTPRequestHead(method: .get, target: "")
    private var section = HTTPFieldSection()
    private var contentLength = 0
    private var chunked = ChunkedBodyDecoder(headerBytes: 0, headerCount: 0)
    private var body: [UInt8] = []
    private var failure: HTTPParseError?

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        self.bodyLimit = limits.maxBodyBytes
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append($0) }
    }

    /// The next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        // A local reference to the storage lets the parse mutate `self` while reading it; the
        // storage itself is not written during a parse, so this costs no copy.
        let storage = buffer.storage
        do {
            return try storage.withUnsafeBufferPointer { bytes throws(HTTPParseError) in try parse(bytes) }
        } catch {
            failure = error
            throw error
        }
    }

    /// True while no byte of a next request has arrived (the connection is idle between requests).
    public var isIdle: Bool {
        failure == nil && phase == .requestLine && buffer.readableCount == 0
    }

    /// True once the head of the current request is complete and its body is still arriving.
    public var isReadingBody: Bool {
        failure == nil && (phase == .noBody || phase == .lengthBody || phase == .chunkedBody)
    }

    /// The error the parser failed with, if it did.
    public var error: HTTPParseError? { failure }

    /// After `.head`, while its body is read: the most bytes the body may still bring (its
    /// `Content-Length`, or the body limit when it is chunked); 0 when the request has no body.
    public var bodyBytesExpected: Int {
        guard failure == nil else { return 0 }
        switch phase {
        case .lengthBody: return contentLength
        case .chunkedBody: return bodyLimit
        case .requestLine, .headers, .noBody: return 0
        }
    }

    // MARK: - Parsing

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Event? {
        while true {
            switch phase {
            case .requestLine:
                guard
                    let line = try HTTPSyntax.readStartLine(
                        bytes, index: &buffer.readIndex, scanned: &scanned, emptyLines: &leadingEmptyLines,
                        maxContent: limits.maxRequestLineBytes, canStart: HTTPSyntax.isTokenByte,
                        invalidStart: .malformed("invalid request method"),
                        tooLong: HTTPParseError(.requestLineTooLong, "request line too long"),
                        tooManyEmptyLines: .malformed("too many empty lines before the request line")
                    )
                else { return nil }
                try parseRequestLine(bytes, line.start, line.end)
                section.reset()
                phase = .headers
            case .headers:
                guard try section.read(bytes, index: &buffer.readIndex, scanned: &scanned, limits: limits) else {
                    return nil
                }
                return .head(try finishHead())
            case .noBody:
                return .request(finishRequest())
            case .lengthBody:
                // Checked here rather than after the head: the caller may raise the limit for
                // the route once it has seen the head.
                if contentLength > bodyLimit { throw HTTPParseError(.bodyTooLarge, "body too large") }
                let start = buffer.readIndex
                guard bytes.count - start >= contentLength else { return nil }
                body = Array(UnsafeBufferPointer(rebasing: bytes[start..<(start + contentLength)]))
                buffer.readIndex = start + contentLength
                return .request(finishRequest())
            case .chunkedBody:
                if chunked.total > bodyLimit { throw HTTPParseError(.bodyTooLarge, "body too large") }
                switch try chunked.decode(bytes, index: &buffer.readIndex, limits: limits, maxTotal: bodyLimit) {
                case .data(let range):
                    body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                case .needMore:
                    return nil
                case .end:
                    return .request(finishRequest())
                }
            }
        }
    }

    /// request-line = method SP request-target SP HTTP-version (RFC 9112 §3), single spaces.
    private mutating func parseRequestLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws(HTTPParseError)
    {
        var methodEnd = start
        while methodEnd < end && HTTPSyntax.isTokenByte(bytes[methodEnd]) { methodEnd += 1 }
        guard methodEnd > start, methodEnd < end, bytes[methodEnd] == HTTPSyntax.space else {
            throw .malformed("invalid request method")
        }
        let targetStart = methodEnd + 1
        var targetEnd = targetStart
        while targetEnd < end && HTTPSyntax.isVisibleASCII(bytes[targetEnd]) { targetEnd += 1 }
        guard targetEnd > targetStart, targetEnd < end, bytes[targetEnd] == HTTPSyntax.space else {
            throw .malformed("invalid request target")
        }
        let version = try HTTPSyntax.parseVersion(bytes, targetEnd + 1, end)
        let method = Self.method(bytes, start, methodEnd)
        try Self.checkTargetForm(bytes, targetStart, targetEnd, method: method)
        head = HTTPRequestHead(
            method: method,
            target: HTTPSyntax.string(bytes, targetStart, targetEnd),
            version: version
        )
    }

    /// The common methods without building a String first.
    private static func method(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTTPMethod {
        switch end - start {
        case 3:
            if HTTPSyntax.matches(bytes, start, end, "GET") { return .get }
            if HTTPSyntax.matches(bytes, start, end, "PUT") { return .put }
        case 4:
            if HTTPSyntax.matches(bytes, start, end, "POST") { return .post }
            if HTTPSyntax.matches(bytes, start, end, "HEAD") { return .head }
        case 5:
            if HTTPSyntax.matches(bytes, start, end, "PATCH") { return .patch }
        case 6:
            if HTTPSyntax.matches(bytes, start, end, "DELETE") { return .delete }
        default:
            break
        }
        return HTTPMethod(HTTPSyntax.string(bytes, start, end))
    }

    /// RFC 9112 §3.2: origin-form `/...`, absolute-form `scheme:...`, authority-form for
    /// CONNECT only, asterisk-form `*` for OPTIONS only.
    private static func checkTargetForm(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        method: HTTPMethod
    ) throws(HTTPParseError) {
        let first = bytes[start]
        if first == 0x2F { return }
        if method == .connect { return }
        if first == 0x2A && end - start == 1 {
            guard method == .options else { throw .malformed("asterisk-form target outside OPTIONS") }
            return
        }
        // absolute-form starts with a scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
        guard HTTPSyntax.isAlpha(first) else { throw .malformed("invalid request target") }
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == HTTPSyntax.colon { return }
            guard HTTPSyntax.isAlpha(byte) || HTTPSyntax.isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            else { break }
            position += 1
        }
        throw .malformed("invalid request target")
    }

    /// Applies the framing rules once the header section is complete and picks the body phase.
    private mutating func finishHead() throws(HTTPParseError) -> HTTPRequestHead {
        // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host and for any request with
        // more than one.
        if section.hostCount > 1 || (head.version == .http1_1 && section.hostCount == 0) {
            throw .malformed("a request needs exactly one Host header field")
        }
        if section.transferEncodingCount > 0 {
            // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 implies faulty framing, and with
            // Content-Length it is a smuggling attempt; both must be refused.
            if head.version == .http1_0 { throw .malformed("Transfer-Encoding in an HTTP/1.0 request") }
            if section.contentLength != nil { throw .malformed("both Transfer-Encoding and Content-Length") }
            chunked = ChunkedBodyDecoder(headerBytes: section.byteCount, headerCount: section.fieldCount)
            phase = .chunkedBody
        } else if let length = section.contentLength, length > 0 {
            contentLength = length
            phase = .lengthBody
        } else {
            // RFC 9112 §6.3: a request with neither field has no body.
            phase = .noBody
        }
        head.headers = section.headers
        section.reset()
        return head
    }

    /// Hands over the finished request and gets ready for the next one.
    private mutating func finishRequest() -> HTTPRequest {
        var finished = HTTPRequestHead(method: .get, target: "")
        swap(&finished, &head)
        var finishedBody: [UInt8] = []
        swap(&finishedBody, &body)
        let request = HTTPRequest(head: finished, body: finishedBody)
        phase = .requestLine
        leadingEmptyLines = 0
        bodyLimit = limits.maxBodyBytes
        return request
    }
}
