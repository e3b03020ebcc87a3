#if canImport(Glibc)
    import Glibc
    import CSystem

    /// An HTTP/1.1 server over non-blocking sockets and epoll: one event loop per core (all watching
    /// the one listening socket, which no other process can share), handlers on a bounded worker
    /// pool.
    ///
    /// ```swift
    /// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), responder: router)
    /// try server.start()
    /// print(server.port)
    /// server.shutdown()
    /// ```
    public final class HTTPServer: @unchecked Sendable {
        // Safe: `loops`, `listenerFDs`, `boundPort` are written by `start` before any loop runs and by
        // `shutdown` after the loops stopped taking work; the counters are `Locked`.

        /// How the server listens and how much it takes on.
        public struct Configuration: Sendable {
            public var host: String
            public var port: Int
            /// Event-loop threads; by default one per core.
            public var eventLoops: Int
            /// Handler threads.
            public var workers: Int
            /// Handler threads unless told otherwise, for every service and for `--workers`'
            /// default. 32: on 2 cores, with 32 keep-alive clients reading from SQLite, a read's
            /// p99 was 5–10 ms with 16 workers and mostly 2.5–4.4 ms with 32, durable writes went
            /// up to 40% faster, and each worker costs about 10 KiB resident at rest.
            public static let defaultWorkers = 32
            public var limits: HTTPLimits

            public init(
                host: String = "127.0.0.1",
                port: Int = 0,
                eventLoops: Int? = nil,
                workers: Int = defaultWorkers,
                limits: HTTPLimits = HTTPLimits()
            ) {
                self.host = host
                self.port = port
                self.eventLoops = eventLoops ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
                self.workers = workers
                self.limits = limits
            }
        }

        public let configuration: Configuration
        let responder: any HTTPResponder
        let workers: WorkerPool
        private var loops: [EventLoop] = []
        /// Open connections, in all and per capped client address.
        private let open = Locked(ConnectionCount())
        private let accepting = Locked(true)
        private var boundPort = 0
        private let onStreamFailure: @Sendable (any Error) -> Void

        public init(
            configuration: Configuration,
            responder: any HTTPResponder,
            onStreamFailure: @escaping @Sendable (any Error) -> Void = { _ in }
        ) {
            self.configuration = configuration
            self.responder = responder
            self.onStreamFailure = onStreamFailure
            self.workers = WorkerPool(
                threads: configuration.workers, maxQueued: configuration.limits.maxQueuedRequests, name: "http-worker"
            )
            // A write to a socket whose peer has gone must fail with EPIPE, not kill the process.
            signal(SIGPIPE, SIG_IGN)
        }

        /// The port the server listens on (the one the OS chose when configured with 0).
        public var port: Int { boundPort }

        /// Whether shutdown has begun (answers then close their connections).
        var isDraining: Bool { !accepting.current }

        /// Connections open right now.
        public var openConnections: Int { open.current.total }

        /// Requests waiting for or running on a worker.
        public var workerLoad: Int { workers.load }

        /// Binds, listens and starts the event loops. A port another process listens on is a
        /// `PortInUseError`: never shared.
        public func start() throws {
            var listeners: [Int32] = []
            do {
                let address = try SocketAddress.resolve(host: configuration.host, port: configuration.port)
                let first = try Self.listen(on: address, host: configuration.host)
                listeners.append(first)
                boundPort = try SocketAddress.local(of: first).port
                // One socket, bound once: the loops share it through descriptors of their own.
                for _ in 1..<max(1, configuration.eventLoops) {
                    listeners.append(try Socket.duplicate(first))
                }
                for (index, listener) in listeners.enumerated() {
                    let loop = try EventLoop(index: index)
                    try loop.addListener(listener) { [unowned self] loop in self.acceptBatch(listener, on: loop) }
                    loops.append(loop)
                }
            } catch {
                for fd in listeners { close(fd) }
                loops.removeAll()
                // A server that never ran must not leave its worker threads behind: they would
                // outlive the pool they work for.
                workers.stop()
                throw error
            }
            for (index, loop) in loops.enumerated() { loop.start(name: "http-loop-\(index)") }
        }

        private func acceptBatch(_ listener: Int32, on loop: EventLoop) {
            for _ in 0..<64 {
                let result: IOResult<Int32>
                do {
                    result = try Socket.accept(listener)
                } catch {
                    // EMFILE and friends: leave the rest in the backlog for the next round.
                    return
                }
                guard case .processed(let fd) = result else { return }
                let peer = Socket.peerName(fd)
                let limits = configuration.limits
                let cap = limits.addressesWithoutConnectionCap.contains(peer) ? nil : limits.maxConnectionsPerAddress
                var admission = admit(peer, cap: cap)
                if admission == .full, loop.shedIdleConnections(limit: shedBatch) > 0 {
                    admission = admit(peer, cap: cap)
                }
                guard admission == .admitted, accepting.current else {
                    if admission == .admitted { connectionClosed(address: cap == nil ? nil : peer) }
                    close(fd)
                    continue
                }
                Socket.setNoDelay(fd)
                hand(fd, peer: peer, capped: cap != nil, from: loop)
            }
        }

        /// The loop the next accepted connection goes to.
        private let nextLoop = Locked(0)

        /// Gives an accepted connection to the loops in turn. The loops share one listening socket
        /// and the loop that wakes accepts everything pending, so without this a burst of clients
        /// (a benchmark's 32 connections) would all land on one loop.
        private func hand(_ fd: Int32, peer: String, capped: Bool, from accepting: EventLoop) {
            let index = nextLoop.withLock { next -> Int in
                defer { next = (next + 1) % loops.count }
                return next
            }
            let target = loops[index]
            let now = MonotonicClock.now()
            if target === accepting {
                return target.adopt(
                    HTTPConnection(fd: fd, loop: target, server: self, peer: peer, capped: capped, now: now))
            }
            target.execute { [self] in
                // The target may have begun shutting down since the accept.
                guard !isDraining, !target.isStopped else {
                    close(fd)
                    return connectionClosed(address: capped ? peer : nil)
                }
                target.adopt(HTTPConnection(fd: fd, loop: target, server: self, peer: peer, capped: capped, now: now))
            }
        }

        /// Throws `PortInUseError` when another process listens on `host:port` now (a launcher
        /// checks before starting processes that would each fail on it).
        public static func checkPortIsFree(host: String, port: Int) throws {
            let fd = try listen(on: try SocketAddress.resolve(host: host, port: port), host: host)
            close(fd)
        }

        /// A listening socket on `address`; a port another process holds is a `PortInUseError`.
        private static func listen(on address: SocketAddress, host: String) throws -> Int32 {
            do {
                return try Socket.listen(on: address)
            } catch  where error.errno == EADDRINUSE {
                throw PortInUseError(host: host, port: address.port)
            }
        }

        /// How many idle connections a loop closes at once when the server is full: nginx frees 32
        /// reusable connections at a time; a server with room for few frees fewer.
        private var shedBatch: Int { max(1, min(32, configuration.limits.maxConnections / 128)) }

        /// Counts a new connection from `peer` in, unless the server or that address is full.
        private func admit(_ peer: String, cap: Int?) -> ConnectionCount.Admission {
            open.withLock { $0.admit(peer, cap: cap, max: configuration.limits.maxConnections) }
        }

        /// Streamed bodies in progress, and whether the loops stopped (then nothing drains them).
        private let streams = Locked<(stopped: Bool, flows: [ObjectIdentifier: StreamFlow])>((false, [:]))

        /// Remembers a streamed body in progress (closed at once if the loops already stopped).
        func track(_ flow: StreamFlow) {
            let stopped = streams.withLock { state -> Bool in
                if !state.stopped { state.flows[ObjectIdentifier(flow)] = flow }
                return state.stopped
            }
            if stopped { flow.close() }
        }

        func untrack(_ flow: StreamFlow) {
            streams.withLock { _ = $0.flows.removeValue(forKey: ObjectIdentifier(flow)) }
        }

        /// A connection closed; `address` is its peer when it counted against the per-address cap.
        func connectionClosed(address: String?) {
            open.withLock { $0.release(address) }
        }

        func logStreamFailure(_ error: any Error) {
            onStreamFailure(error)
        }

        /// Stops accepting, lets in-flight requests finish within `grace` (closing idle connections at
        /// once and the others after their response), then stops every thread.
        public func shutdown(grace: Duration? = nil) {
            let wasAccepting = accepting.withLock { value -> Bool in
                defer { value = false }
                return value
            }
            guard wasAccepting else { return }
            let pendingLoops = Locked(loops.count)
            for loop in loops {
                loop.execute {
                    loop.stopAccepting()
                    loop.drain()
                    pendingLoops.withLock { $0 -= 1 }
                }
            }
            while pendingLoops.current > 0 { usleep(1_000) }
            let deadline = MonotonicClock.now() &+ (grace ?? configuration.limits.shutdownGrace).nanoseconds
            while open.current.total > 0 && MonotonicClock.now() < deadline {
                usleep(10_000)
            }
            for loop in loops {
                loop.execute { loop.stop() }
            }
            for loop in loops { loop.join() }
            let abandoned = streams.withLock { state -> [StreamFlow] in
                state.stopped = true
                return Array(state.flows.values)
            }
            for flow in abandoned { flow.close() }
            workers.stop()
            loops.removeAll()
        }
    }

#endif
