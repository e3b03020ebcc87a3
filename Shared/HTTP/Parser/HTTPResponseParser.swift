/// Incremental, byte-level HTTP/1.1 response parser for the client (RFC 9112 §6.3 framing).
///
/// Before each response, call `expectResponse(to:)` with the method of the request it answers
/// (a response to HEAD has no body). Then `append` bytes and call `next()` until nil:
/// `.head`, zero or more `.body` pieces (de-chunked), then `.end`. A body framed by the end of
/// the connection (no Content-Length, not chunked) ends with `connectionClosed()`.
/// Interim 1xx responses are skipped, except that they are not reported as the final head.
public struct HTTPResponseParser: Sendable {
    public enum Event: Sendable, Equatable {
        case head(HTTPResponseHeadSummary)
        case body([UInt8])
        case end
    }

    /// The limits this parser enforces on status line and header section (bodies are streamed,
    /// so they have none).
    public let limits: HTTPLimits

    private enum Phase: Sendable {
        case statusLine, headers, noBody, lengthBody, chunkedBody, closeDelimitedBody, done
    }

    private var buffer = HTTPByteBuffer()
    private var phase = Phase.statusLine
    private var scanned = 0
    private var leadingEmptyLines = 0
    private var answersHead = false
    private var version = HTTPVersion.http1_1
    private var status = HTTPStatus.ok
    private var section = HTTPFieldSection()
    private var remaining = 0
    private var chunked = ChunkedBodyDecoder(headerBytes: 0, headerCount: 0)
    /// Set when the peer closed while a close-delimited body still had buffered bytes.
    private var closed = false
    private var failure: HTTPParseError?

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Prepares for the response to a request with this method.
    public mutating func expectResponse(to method: HTTPMethod) {
        answersHead = method == .head
        phase = .statusLine
        scanned = 0
        leadingEmptyLines = 0
        section.reset()
        closed = false
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) { buffer.append(bytes) }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { buffer.append($0) } }

    /// The next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        let storage = buffer.storage
        do {
            return try storage.withUnsafeBufferPointer { bytes throws(HTTPParseError) in try parse(bytes) }
        } catch {
            failure = error
            throw error
        }
    }

    /// Tells the parser the peer closed the connection: returns `.end` when the body was framed
    /// by the close, throws when a response was cut short, nil when no response was in progress.
    /// Call it once `next()` has returned nil; should body bytes still be buffered, they come
    /// first as `.body` and the following `next()` returns `.end`.
    public mutating func connectionClosed() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        switch phase {
        case .closeDelimitedBody:
            closed = true
            return try next()
        case .noBody:
            phase = .done
            return .end
        case .done:
            return nil
        case .statusLine where buffer.readableCount == 0:
            return nil
        default:
            let error = HTTPParseError.malformed("connection closed before the response was complete")
            failure = error
            throw error
        }
    }

    /// Bytes received after the end of the current response (must be empty before a reused
    /// connection is put back in the pool).
    public var hasBufferedBytes: Bool { buffer.readableCount > 0 }

    /// True once `.end` of the expected response has been returned.
    public var isComplete: Bool { phase == .done }

    // MARK: - Parsing

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Event? {
        while true {
            switch phase {
            case .statusLine:
                guard
                    let line = try HTTPSyntax.readStartLine(
                        bytes, index: &buffer.readIndex, scanned: &scanned, emptyLines: &leadingEmptyLines,
                        maxContent: limits.maxRequestLineBytes, canStart: { $0 == 0x48 },  // `H` of `HTTP/`
                        invalidStart: .malformed("invalid status line"),
                        tooLong: HTTPParseError(.headersTooLarge, "status line too long"),
                        tooManyEmptyLines: .malformed("too many empty lines before the status line")
                    )
                else { return nil }
                try parseStatusLine(bytes, line.start, line.end)
                section.reset()
                phase = .headers
            case .headers:
                guard try section.read(bytes, index: &buffer.readIndex, scanned: &scanned, limits: limits) else {
                    return nil
                }
                if let head = try finishHead() { return .head(HTTPResponseHeadSummary(head)) }
            case .noBody:
                phase = .done
                return .end
            case .lengthBody:
                let start = buffer.readIndex
                let count = min(bytes.count - start, remaining)
                guard count > 0 else { return nil }
                buffer.readIndex = start + count
                remaining -= count
                if remaining == 0 { phase = .noBody }
                return .body(Array(UnsafeBufferPointer(rebasing: bytes[start..<(start + count)])))
            case .chunkedBody:
                switch try chunked.decode(bytes, index: &buffer.readIndex, limits: limits, maxTotal: .max) {
                case .data(let range):
                    return .body(Array(UnsafeBufferPointer(rebasing: bytes[range])))
                case .needMore:
                    return nil
                case .end:
                    phase = .done
                    return .end
                }
            case .closeDelimitedBody:
                let start = buffer.readIndex
                if start < bytes.count {
                    buffer.readIndex = bytes.count
                    return .body(Array(UnsafeBufferPointer(rebasing: bytes[start...])))
                }
                guard closed else { return nil }
                phase = .done
                return .end
            case .done:
                return nil
            }
        }
    }

    /// status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 §4). A missing
    /// SP after the code is tolerated, as the reason is optional and some servers drop both.
    private mutating func parseStatusLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws(HTTPParseError)
    {
        guard end - start >= 12, bytes[start + 8] == HTTPSyntax.space else { throw .malformed("invalid status line") }
        version = try HTTPSyntax.parseVersion(bytes, start, start + 8)
        let codeStart = start + 9
        var code = 0
        for index in codeStart..<(codeStart + 3) {
            guard HTTPSyntax.isDigit(bytes[index]) else { throw .malformed("invalid status code") }
            code = code * 10 + Int(bytes[index] &- 0x30)
        }
        guard (100...599).contains(code) else { throw .malformed("invalid status code") }
        let reasonStart = codeStart + 3
        if reasonStart < end {
            guard bytes[reasonStart] == HTTPSyntax.space else { throw .malformed("invalid status line") }
            for index in (reasonStart + 1)..<end where !HTTPSyntax.isFieldValueByte(bytes[index]) {
                throw .malformed("invalid character in reason phrase")
            }
        }
        status = HTTPStatus(code)
    }

    /// Picks the body framing (RFC 9112 §6.3) and returns the head, or nil for an interim 1xx
    /// response, which is dropped while the final response is awaited.
    private mutating func finishHead() throws(HTTPParseError) -> HTTPResponseHead? {
        if status.code < 200 {
            section.reset()
            phase = .statusLine
            leadingEmptyLines = 0
            return nil
        }
        // A client could let Transfer-Encoding win over Content-Length (§6.3 item 3), but a
        // response carrying both is a sign of smuggling or a broken peer; refuse it.
        if section.transferEncodingCount > 0 && section.contentLength != nil {
            throw .malformed("both Transfer-Encoding and Content-Length")
        }
        if answersHead || status.forbidsBody {
            phase = .noBody
        } else if section.transferEncodingCount > 0 {
            chunked = ChunkedBodyDecoder(headerBytes: section.byteCount, headerCount: section.fieldCount)
            phase = .chunkedBody
        } else if let length = section.contentLength {
            remaining = length
            phase = length > 0 ? .lengthBody : .noBody
        } else {
            phase = .closeDelimitedBody
        }
        let head = HTTPResponseHead(version: version, status: status, headers: section.headers)
        section.reset()
        return head
    }
}

/// `HTTPResponseHead` with equality, for parser events.
public struct HTTPResponseHeadSummary: Sendable, Equatable {
    public var head: HTTPResponseHead
    public init(_ head: HTTPResponseHead) { self.head = head }
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.head.status == rhs.head.status && lhs.head.version == rhs.head.version
            && lhs.head.headers.fields.map { "\($0.name):\($0.value)" }
                == rhs.head.headers.fields.map { "\($0.name):\($0.value)" }
    }
}
