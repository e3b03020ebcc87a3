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

    public init(limits: HTTPLimits = HTTPLimits()) {
        fatalError()
    }

    /// Prepares for the response to a request with this method.
    public mutating func expectResponse(to method: HTTPMethod) {
        fatalError()
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) { fatalError() }
    public mutating func append(_ bytes: [UInt8]) { fatalError() }

    /// The next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> Event? { fatalError() }

    /// Tells the parser the peer closed the connection: returns `.end` when the body was framed
    /// by the close, throws when a response was cut short, nil when no response was in progress.
    public mutating func connectionClosed() throws(HTTPParseError) -> Event? { fatalError() }

    /// Bytes received after the end of the current response (must be empty before a reused
    /// connection is put back in the pool).
    public var hasBufferedBytes: Bool { fatalError() }
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
