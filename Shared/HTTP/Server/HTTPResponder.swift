/// What the server knows about the connection a request came on.
public struct ConnectionInfo: Sendable {
    /// The peer's numeric address.
    public let remoteAddress: String

    public init(remoteAddress: String) { self.remoteAddress = remoteAddress }
}

/// Where the server runs a request's handler.
public enum HandlerExecution: Sendable, Equatable {
    /// On the worker pool, the default: the handler may block (SQLite, upstream calls) without
    /// stalling any other connection.
    case workerPool
    /// On the event loop that read the request, with no hand-off between threads: only for
    /// handlers (and middleware) that never block and finish in microseconds, such as `/health`.
    case eventLoop
}

/// What a responder decided from a request's head, before its body arrived: how large a body to
/// accept, where to run the handler, and whatever it worked out (a route match) that `respond`
/// can use instead of working it out again.
public struct RequestPlan: Sendable {
    public var bodyLimit: Int
    public var execution: HandlerExecution
    /// The responder's own notes for `respond(to:plan:connection:)`; the server only carries it.
    public var routing: (any Sendable)?
    /// True when the answer was decided from the head alone (a refusal): the server asks for it
    /// at once without reading the body, and closes the connection after it when a body was on
    /// its way (RFC 9112 §9.6: the unread body leaves the connection unusable).
    public var answersBeforeBody: Bool

    public init(
        bodyLimit: Int, execution: HandlerExecution = .workerPool, routing: (any Sendable)? = nil,
        answersBeforeBody: Bool = false
    ) {
        self.bodyLimit = bodyLimit
        self.execution = execution
        self.routing = routing
        self.answersBeforeBody = answersBeforeBody
    }
}

/// Answers requests. By default the server calls `respond` on a worker thread, never on an event
/// loop, so it may block (SQLite, upstream calls); a plan may ask for the event loop when the
/// handler cannot block. `respond` must not throw: errors become responses (the router does that).
///
/// ```swift
/// struct Hello: HTTPResponder {
///     func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse { .text("hello") }
/// }
/// ```
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse
    /// Plans the request whose head just arrived; called on the event loop, so it must be quick.
    func plan(for head: HTTPRequestHead, connection: ConnectionInfo, defaultBodyLimit: Int) -> RequestPlan
    /// Answers a request planned by `plan(for:connection:defaultBodyLimit:)`.
    func respond(to request: HTTPRequest, plan: RequestPlan, connection: ConnectionInfo) -> HTTPResponse
}

extension HTTPResponder {
    public func plan(for head: HTTPRequestHead, connection: ConnectionInfo, defaultBodyLimit: Int) -> RequestPlan {
        RequestPlan(bodyLimit: defaultBodyLimit)
    }

    public func respond(to request: HTTPRequest, plan: RequestPlan, connection: ConnectionInfo) -> HTTPResponse {
        respond(to: request, connection: connection)
    }
}
