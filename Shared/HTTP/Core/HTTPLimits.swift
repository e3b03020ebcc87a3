/// Every limit the server enforces, in one configurable value.
public struct HTTPLimits: Sendable {
    /// Longest request line (method, target, version) before 414.
    public var maxRequestLineBytes = 8 * 1024
    /// Largest header block (all field lines) before 431.
    public var maxHeaderBytes = 16 * 1024
    /// Most header fields before 431.
    public var maxHeaderCount = 100
    /// Largest request body before 413, unless a route allows more.
    public var maxBodyBytes = 1024 * 1024
    /// Most open connections; past it a new connection is closed at once.
    public var maxConnections = 4096
    /// Time to receive a whole header block (408, then close).
    public var headerTimeout: Duration = .seconds(10)
    /// Longest wait for the next piece of a body (408, then close).
    public var bodyProgressTimeout: Duration = .seconds(10)
    /// How long an idle keep-alive connection stays open.
    public var idleTimeout: Duration = .seconds(60)
    /// How long a client may leave written data unread before the connection is closed.
    public var writeTimeout: Duration = .seconds(30)
    /// Most requests waiting for a worker; past it the server answers 503 at once.
    public var maxQueuedRequests = 1024
    /// Deadline for in-flight requests after shutdown begins.
    public var shutdownGrace: Duration = .seconds(10)

    public init() {}
}
