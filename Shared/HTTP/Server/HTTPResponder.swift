/// What the server knows about the connection a request came on.
public struct ConnectionInfo: Sendable {
    /// The peer's numeric address.
    public let remoteAddress: String

    public init(remoteAddress: String) { self.remoteAddress = remoteAddress }
}

/// Answers requests. The server calls `respond` on a worker thread, never on an event loop, so it
/// may block (SQLite, upstream calls); it must not throw: errors become responses (the router does
/// that).
///
/// ```swift
/// struct Hello: HTTPResponder {
///     func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse { .text("hello") }
/// }
/// ```
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse
    /// The largest body accepted for this request (a route may allow more than the default).
    func bodyLimit(for head: HTTPRequestHead, default limit: Int) -> Int
}

extension HTTPResponder {
    public func bodyLimit(for head: HTTPRequestHead, default limit: Int) -> Int { limit }
}
