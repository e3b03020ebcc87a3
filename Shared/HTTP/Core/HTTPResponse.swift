/// Receives the pieces of a streamed body. `write` blocks while the peer is slow to read (so a
/// producer never runs ahead of the network) and throws once the connection is gone.
public protocol BodyWriter: Sendable {
    func write(_ bytes: [UInt8]) throws
}

/// A body produced piece by piece, e.g. a large CSV, so it never sits whole in memory.
public struct BodyStream: Sendable {
    /// The length if known in advance; otherwise the response is sent chunked.
    public var contentLength: Int?
    public var produce: @Sendable (any BodyWriter) throws -> Void

    public init(contentLength: Int? = nil, produce: @escaping @Sendable (any BodyWriter) throws -> Void) {
        self.contentLength = contentLength
        self.produce = produce
    }
}

/// The content of a response.
public enum HTTPBody: Sendable {
    case bytes([UInt8])
    case stream(BodyStream)
    /// The whole response is still on its way; see `PendingResponse`.
    case pending(PendingResponse)

    public static let empty = HTTPBody.bytes([])
}

/// A response: status, header fields and body. The server adds `Date`, `Content-Length` or
/// `Transfer-Encoding`, and `Connection` itself.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: HTTPBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], bytes: [UInt8]) {
        self.init(status: status, headers: headers, body: .bytes(bytes))
    }

    /// A response that arrives later; only a handler running on an event loop may return one.
    public init(pending: PendingResponse) {
        self.init(body: .pending(pending))
    }

    /// Whether the response is still on its way.
    public var isPending: Bool {
        if case .pending = body { return true }
        return false
    }

    /// This response changed by `transform`: at once when it is complete, on arrival when it is
    /// pending. Middleware that reads or changes the response after `next` goes through here.
    public func map(_ transform: @escaping (HTTPResponse) -> HTTPResponse) -> HTTPResponse {
        guard case .pending(let pending) = body else { return transform(self) }
        pending.append(transform)
        return self
    }

    /// A plain-text response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            bytes: Array(text.utf8)
        )
    }

    /// The body's bytes when it is not streamed.
    public var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }
}

/// The start line and header fields of a response, as the client's parser hands them over.
public struct HTTPResponseHead: Sendable {
    public var version: HTTPVersion
    public var status: HTTPStatus
    public var headers: HTTPHeaders

    public init(version: HTTPVersion = .http1_1, status: HTTPStatus, headers: HTTPHeaders = [:]) {
        self.version = version
        self.status = status
        self.headers = headers
    }

    /// The declared body length, if the head states a valid one.
    public var contentLength: Int? { headers["Content-Length"].flatMap { Int($0) } }

    /// Whether the server keeps the connection open after this response (RFC 9112 §9.3).
    public var keepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        if version == .http1_0 { return headers.containsToken("keep-alive", in: "Connection") }
        return true
    }
}
