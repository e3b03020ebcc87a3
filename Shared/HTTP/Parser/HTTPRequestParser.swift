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

    public init(limits: HTTPLimits = HTTPLimits()) {
        fatalError("implemented by the parser module")
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        fatalError()
    }

    /// Adds received bytes to the parser's buffer.
    public mutating func append(_ bytes: [UInt8]) {
        fatalError()
    }

    /// The next event, or nil when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> Event? {
        fatalError()
    }

    /// True while no byte of a next request has arrived (the connection is idle between requests).
    public var isIdle: Bool { fatalError() }

    /// True once the head of the current request is complete and its body is still arriving.
    public var isReadingBody: Bool { fatalError() }
}
