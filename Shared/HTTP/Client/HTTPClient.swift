#if canImport(Glibc)
    import Glibc

    /// An HTTP/1.1 client for calls between Zaplecze processes: keep-alive pools per upstream,
    /// connect and read deadlines, Content-Length and chunked response bodies, streaming for the
    /// gateway's passthrough. A request is retried once on a fresh connection only when nothing of it
    /// was sent, or when a reused connection broke before any answer and the request is idempotent
    /// (a safe method, PUT, DELETE, or one with an `Idempotency-Key`).
    ///
    /// ```swift
    /// let client = HTTPClient()
    /// let response = try client.send(HTTPRequest(method: .get, target: "/ready"), to: upstream)
    /// ```
    public final class HTTPClient: Sendable {
        /// Timeouts and pool sizes.
        public struct Configuration: Sendable {
            public var connectTimeout: Duration = .seconds(2)
            public var readTimeout: Duration = .seconds(30)
            public var maxConnectionsPerUpstream = 256
            public var maxIdlePerUpstream = 64
            public var idleTimeout: Duration = .seconds(30)
            public var limits = HTTPLimits()

            public init() {}
        }

        public let configuration: Configuration
        private let pools = Locked<[Upstream: ConnectionPool]>([:])

        public init(configuration: Configuration = Configuration()) {
            self.configuration = configuration
            signal(SIGPIPE, SIG_IGN)
        }

        /// Sends `request` and returns the whole response (body at most `maxResponseBytes`).
        public func send(
            _ request: HTTPRequest, to upstream: Upstream, readTimeout: Duration? = nil,
            maxResponseBytes: Int = 64 << 20
        ) throws(HTTPClientError) -> HTTPClientResponse {
            let stream = try self.stream(request, to: upstream, readTimeout: readTimeout)
            var body: [UInt8] = []
            while let piece = try stream.next() {
                if body.count + piece.count > maxResponseBytes {
                    stream.cancel()
                    throw .responseTooLarge
                }
                body.append(contentsOf: piece)
            }
            return HTTPClientResponse(head: stream.head, body: body)
        }

        /// Sends `request` and returns once the response head arrived; read the body with `next()`
        /// until nil (or `cancel()`), which returns the connection to the pool.
        public func stream(_ request: HTTPRequest, to upstream: Upstream, readTimeout: Duration? = nil)
            throws(HTTPClientError) -> HTTPClientStream
        {
            let wire = RequestSerializer.serialize(request, authority: upstream.authority)
            let idempotent = request.method.isIdempotent || request.headers["Idempotency-Key"] != nil
            let readNanos = (readTimeout ?? configuration.readTimeout).nanoseconds
            return try exchange(request.method, with: upstream) { socket, stream throws(AttemptFailure) in
                do throws(HTTPClientError) {
                    try socket.writeAll(wire, deadline: MonotonicClock.now() &+ readNanos)
                    try stream.readHead(deadline: MonotonicClock.now() &+ readNanos, readNanos: readNanos)
                } catch {
                    let brokeBeforeAnswer = error == .connectionClosed && !stream.receivedAny
                    // Closed or reset before a single byte of answer: the upstream went away (killed,
                    // restarting) rather than misbehaved. Only an idempotent request may go again then,
                    // since the upstream may have acted on it.
                    throw AttemptFailure(
                        error: brokeBeforeAnswer ? .unreachable("connection closed before an answer") : error,
                        mayRetry: error.nothingWasSent || (brokeBeforeAnswer && idempotent)
                    )
                }
            }
        }

        /// Sends `request` from an event loop's thread without blocking it (see `LoopExchange`) and
        /// hands the answer to `completion` later on that same thread: whole when its body is at most
        /// `bufferLimit` bytes, otherwise as a stream to read on a thread that may block. Returns
        /// false, doing nothing, when the calling thread is not an event loop's: use `stream` then.
        /// The completion may also run before this returns (a connection refused at once, for one).
        /// With every pooled connection busy, the call waits for one up to the connect timeout.
        public func startOnEventLoop(
            _ request: HTTPRequest, to upstream: Upstream, readTimeout: Duration? = nil, bufferLimit: Int,
            completion: @escaping (Result<HTTPClientAnswer, HTTPClientError>) -> Void
        ) -> Bool {
            guard let loop = EventLoop.current else { return false }
            LoopExchange(
                loop: loop, pool: pool(for: upstream), request: request,
                connectTimeout: configuration.connectTimeout, readTimeout: readTimeout ?? configuration.readTimeout,
                bufferLimit: bufferLimit, limits: configuration.limits, completion: completion
            ).start()
            return true
        }

        /// Sends a request whose body is produced piece by piece (chunked, or with Content-Length
        /// when `body.contentLength` is known) and returns once the response head arrived. The body
        /// cannot be replayed, so the request is retried only when not a byte of it went out.
        public func upload(
            _ head: HTTPRequestHead, body: BodyStream, to upstream: Upstream, readTimeout: Duration? = nil
        ) throws(HTTPClientError) -> HTTPClientStream {
            let framing: RequestSerializer.Framing = body.contentLength.map { .length($0) } ?? .chunked
            let wireHead = RequestSerializer.head(head, authority: upstream.authority, framing: framing)
            let readNanos = (readTimeout ?? configuration.readTimeout).nanoseconds
            return try exchange(head.method, with: upstream) { socket, stream throws(AttemptFailure) in
                do throws(HTTPClientError) {
                    try socket.writeAll(wireHead, deadline: MonotonicClock.now() &+ readNanos)
                } catch {
                    throw AttemptFailure(error: error, mayRetry: error.nothingWasSent)
                }
                // The body is under way from here on, and the producer cannot start it again.
                do {
                    let writer = SocketBodyWriter(socket: socket, chunked: framing == .chunked, readNanos: readNanos)
                    try body.produce(writer)
                    if framing == .chunked {
                        try socket.writeAll(Array("0\r\n\r\n".utf8), deadline: MonotonicClock.now() &+ readNanos)
                    }
                    try stream.readHead(deadline: MonotonicClock.now() &+ readNanos, readNanos: readNanos)
                } catch let error as HTTPClientError {
                    throw AttemptFailure(error: error, mayRetry: false)
                } catch {
                    throw AttemptFailure(error: .connectionClosed, mayRetry: false)
                }
            }
        }

        /// Runs `attempt` (send the request, read the response head) on a pooled connection, and
        /// once more on a fresh connection when it failed on a reused one in a way it allows: an
        /// idle connection may have been closed by the upstream unseen.
        private func exchange(
            _ method: HTTPMethod, with upstream: Upstream,
            _ attempt: (BlockingSocket, HTTPClientStream) throws(AttemptFailure) -> Void
        ) throws(HTTPClientError) -> HTTPClientStream {
            let pool = self.pool(for: upstream)
            var retrying = false
            while true {
                let connectDeadline = MonotonicClock.now() &+ configuration.connectTimeout.nanoseconds
                // The retry goes to a fresh connection: another idle one may be just as stale.
                let (socket, reused) = try pool.acquire(deadline: connectDeadline, fresh: retrying)
                let stream = HTTPClientStream(socket: socket, pool: pool, limits: configuration.limits, method: method)
                do throws(AttemptFailure) {
                    try attempt(socket, stream)
                    return stream
                } catch {
                    stream.cancel()
                    guard reused && !retrying && error.mayRetry else { throw error.error }
                    retrying = true
                }
            }
        }

        /// Closes idle pooled connections (e.g. on shutdown).
        public func closeIdleConnections() {
            for pool in pools.withLock({ Array($0.values) }) { pool.closeIdle() }
        }

        private func pool(for upstream: Upstream) -> ConnectionPool {
            pools.withLock { pools in
                if let existing = pools[upstream] { return existing }
                let created = ConnectionPool(
                    upstream: upstream, maxConnections: configuration.maxConnectionsPerUpstream,
                    maxIdle: configuration.maxIdlePerUpstream, idleTimeout: configuration.idleTimeout
                )
                pools[upstream] = created
                return created
            }
        }
    }

    /// A whole response received by `HTTPClient.send`.
    public struct HTTPClientResponse: Sendable {
        public var head: HTTPResponseHead
        public var body: [UInt8]

        public var status: HTTPStatus { head.status }
        public var headers: HTTPHeaders { head.headers }
    }
    /// How one attempt at an exchange failed: the error to report, and whether the request may go
    /// again on a fresh connection if the failed one was a reused one.
    private struct AttemptFailure: Error {
        let error: HTTPClientError
        let mayRetry: Bool
    }

    extension HTTPClientError {
        /// Whether the request failed before a byte of it went out (a failed connect, or a write
        /// refused at once), so that sending it again cannot repeat it.
        var nothingWasSent: Bool {
            if case .unreachable = self { return true }
            return false
        }
    }

    /// Writes an upload's pieces straight to the connection, framed as chunks when chunked.
    private struct SocketBodyWriter: BodyWriter, @unchecked Sendable {
        // Safe: used only by the thread running the upload, which owns the socket meanwhile.
        let socket: BlockingSocket
        let chunked: Bool
        let readNanos: UInt64

        func write(_ bytes: [UInt8]) throws {
            guard !bytes.isEmpty else { return }
            let framed = chunked ? ResponseSerializer.chunk(bytes) : bytes
            try socket.writeAll(framed, deadline: MonotonicClock.now() &+ readNanos)
        }
    }
#endif
