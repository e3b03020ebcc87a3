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
    /// Most open connections. At the limit the oldest idle connections (waiting for a first or
    /// next request) are closed to make room, as nginx reuses its keep-alive connections; only
    /// when none is idle is a new connection closed at once.
    public var maxConnections = 4096
    /// Most open connections from one client address; past it a new one is closed at once.
    /// nil: no cap (services behind the gateway, whose every connection comes from it).
    public var maxConnectionsPerAddress: Int?
    /// Addresses spared the per-address cap: trusted proxies, which carry many clients.
    public var addressesWithoutConnectionCap = AddressRanges.none
    /// Time to receive a whole header block (408, then close); for a connection's first request
    /// it runs from the accept, so a connection that sends nothing is closed after it.
    public var headerTimeout: Duration = .seconds(10)
    /// Longest wait for the next piece of a body (408, then close).
    public var bodyProgressTimeout: Duration = .seconds(10)
    /// The slowest average rate a body may arrive at: a body must be complete within
    /// `bodyProgressTimeout` plus its length at this rate (the body limit when it is chunked),
    /// however often its pieces come (408, then close).
    public var minBodyBytesPerSecond = 16 * 1024
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
