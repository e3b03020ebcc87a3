import Glibc
import HTTP

/// A real `HTTPServer` on 127.0.0.1 with an ephemeral port, for tests over loopback.
///
/// ```swift
/// let live = try LiveServer(routes: RouteCollection().get("hello") { _, _ in .text("hi") })
/// defer { live.stop() }
/// let connection = try live.connect()
/// ```
///
/// `stop()` waits for worker threads to finish their handlers: release any handler a test
/// blocked before it runs (a later `defer` runs first).
public final class LiveServer: Sendable {
    public let server: HTTPServer
    /// Errors the server reported from streamed bodies whose connection went away.
    public let streamFailures = StreamFailureLog()

    /// Starts a server answering with `responder`, on `port` (0: one the system picks).
    public init(
        responder: any HTTPResponder,
        limits: HTTPLimits = HTTPLimits(),
        eventLoops: Int = 2,
        workers: Int = 4,
        port: Int = 0
    ) throws {
        let failures = streamFailures
        server = HTTPServer(
            configuration: .init(
                host: "127.0.0.1", port: port, eventLoops: eventLoops, workers: workers, limits: limits),
            responder: responder,
            onStreamFailure: { failures.record($0) }
        )
        try server.start()
    }

    /// Starts a server answering with a `Router` over `routes`.
    public convenience init(
        routes: RouteCollection,
        middleware: [any Middleware] = [],
        limits: HTTPLimits = HTTPLimits(),
        eventLoops: Int = 2,
        workers: Int = 4,
        port: Int = 0
    ) throws {
        try self.init(
            responder: Router(routes: routes, middleware: middleware),
            limits: limits, eventLoops: eventLoops, workers: workers, port: port
        )
    }

    /// Starts a server answering every request with `handler`.
    public convenience init(
        limits: HTTPLimits = HTTPLimits(),
        eventLoops: Int = 2,
        workers: Int = 4,
        handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse
    ) throws {
        try self.init(
            responder: ClosureResponder(handler: handler), limits: limits, eventLoops: eventLoops, workers: workers
        )
    }

    /// The port the server listens on.
    public var port: Int { server.port }

    /// The server as an `HTTPClient` upstream.
    public var upstream: Upstream { Upstream(host: "127.0.0.1", port: port) }

    /// A new raw connection to the server.
    public func connect() throws -> RawConnection {
        try RawConnection(port: port)
    }

    /// Shuts the server down, giving in-flight requests `grace` (idempotent).
    public func stop(grace: Duration = .seconds(2)) {
        server.shutdown(grace: grace)
    }
}

/// The stream failures a `LiveServer` saw, safe to read from any thread.
public final class StreamFailureLog: @unchecked Sendable {
    // Safe: `errors` is only touched while `lock` is held.
    private let lock = Lock()
    private var errors: [String] = []

    func record(_ error: any Error) {
        lock.withLock { errors.append(String(describing: error)) }
    }

    /// The failures so far, described.
    public var all: [String] { lock.withLock { errors } }
}

/// An `HTTPResponder` made of a closure.
struct ClosureResponder: HTTPResponder {
    let handler: @Sendable (HTTPRequest) -> HTTPResponse

    func respond(to request: HTTPRequest, connection: ConnectionInfo) -> HTTPResponse {
        handler(request)
    }
}
