#if canImport(Glibc)
    import Glibc
    import CSystem
    import Primitives

    /// What an upstream answered, as `HTTPClient.startOnEventLoop` hands it over.
    public enum HTTPClientAnswer: Sendable {
        /// The whole response, its body no larger than the limit the caller gave.
        case whole(HTTPClientResponse)
        /// The head, with the body (larger than the limit, chunked, or ended by the connection's
        /// close) still to be read from the stream, on a thread that may block.
        case streaming(HTTPClientStream)
    }

    /// One request to an upstream carried out on an event loop without ever blocking it: it takes an
    /// idle pooled connection or connects a new one, writes the request, and reads the answer as the
    /// socket becomes ready, then hands it to `completion` on the loop's thread. Deadlines are checked
    /// by the loop's timer. The retry rule is `HTTPClient`'s: once, on a fresh connection, when a
    /// reused one failed before any answer and nothing was sent or the request is idempotent. When
    /// the pool is full it waits for room, as a blocking caller does, up to the connect timeout.
    final class LoopExchange: ConnectionPoolWaiter, @unchecked Sendable {
        // Safe: touched only on its loop's thread; a name lookup runs elsewhere, and the pool tells of
        // room from elsewhere, both handing over through `EventLoop.execute`.
        private enum Phase { case waitingForRoom, resolving, connecting, writing, reading, done }

        private let loop: EventLoop
        private let pool: ConnectionPool
        private let wire: [UInt8]
        private let method: HTTPMethod
        private let idempotent: Bool
        private let connectNanos: UInt64
        private let readNanos: UInt64
        private let bufferLimit: Int
        private let limits: HTTPLimits
        private let completion: (Result<HTTPClientAnswer, HTTPClientError>) -> Void

        private var phase = Phase.resolving
        private var socket: BlockingSocket?
        private var watched = false
        private var address: SocketAddress?
        private var reused = false
        private var retried = false
        /// Whether the lease being waited for (or the last one) asked for a fresh connection.
        private var fresh = false
        private var written = 0
        private var deadline: UInt64 = 0
        private var parser: HTTPResponseParser
        private var head: HTTPResponseHead?
        private var body: [UInt8] = []
        private var receivedAny = false

        init(
            loop: EventLoop, pool: ConnectionPool, request: HTTPRequest, connectTimeout: Duration,
            readTimeout: Duration,
            bufferLimit: Int, limits: HTTPLimits,
            completion: @escaping (Result<HTTPClientAnswer, HTTPClientError>) -> Void
        ) {
            self.loop = loop
            self.pool = pool
            self.wire = RequestSerializer.serialize(request, authority: pool.upstream.authority)
            self.method = request.method
            self.idempotent = request.method.isIdempotent || request.headers["Idempotency-Key"] != nil
            self.connectNanos = connectTimeout.nanoseconds
            self.readNanos = readTimeout.nanoseconds
            self.bufferLimit = bufferLimit
            self.limits = limits
            self.completion = completion
            self.parser = HTTPResponseParser(limits: limits)
        }

        func start() {
            loop.began(self)
            attempt(fresh: false)
        }

        // MARK: - Events from the loop

        func handle(events: UInt32) {
            switch phase {
            case .connecting: finishConnecting()
            case .writing: writeRequest()
            case .reading: readAnswer()
            case .waitingForRoom, .resolving, .done: break
            }
        }

        func tick(now: UInt64) {
            guard now >= deadline else { return }
            switch phase {
            case .waitingForRoom:
                pool.cancelWait(self)
                finish(.failure(.poolExhausted))
            case .resolving: connectFailed(.unreachable("name lookup timed out"))
            case .connecting: connectFailed(.unreachable("connect timed out"))
            case .writing, .reading: failed(.timeout)
            case .done: break
            }
        }

        /// The loop is stopping: give the connection (or its slot, or the place in the pool's
        /// queue) up and tell the caller.
        func abandon() {
            switch phase {
            case .waitingForRoom:
                pool.cancelWait(self)
                finish(.failure(.connectionClosed))
            case .resolving, .connecting:
                connectFailed(.connectionClosed)
            case .writing, .reading:
                dropSocket()
                finish(.failure(.connectionClosed))
            case .done: break
            }
        }

        /// From the pool, on any thread: a connection was given back or a slot freed.
        func connectionPoolHasRoom() {
            loop.execute { [self] in
                // Given up meanwhile (its deadline passed): the room is the next waiter's.
                guard phase == .waitingForRoom else { return pool.passRoomOn() }
                attempt(fresh: fresh, woken: true)
            }
        }

        // MARK: - Connecting

        /// Leases a connection; with none free, waits in the pool's queue (`woken`: at its front,
        /// having been there before) until the connect timeout from the first try.
        private func attempt(fresh: Bool, woken: Bool = false) {
            written = 0
            receivedAny = false
            head = nil
            body = []
            parser = HTTPResponseParser(limits: limits)
            parser.expectResponse(to: method)
            self.fresh = fresh
            switch pool.lease(fresh: fresh, waiter: self, first: woken) {
            case .exhausted:
                if phase != .waitingForRoom {
                    phase = .waitingForRoom
                    deadline = MonotonicClock.now() &+ connectNanos
                }
            case .idle(let socket):
                reused = true
                self.socket = socket
                beginWriting()
            case .connect(let cached):
                reused = false
                phase = .resolving
                deadline = MonotonicClock.now() &+ connectNanos
                if let cached { return connect(to: cached) }
                resolveThenConnect()
            }
        }

        /// Looks the upstream's address up: at once for a numeric address, otherwise through the
        /// pool's lookup thread, since DNS may keep it waiting and the loop must not.
        private func resolveThenConnect() {
            let host = pool.upstream.host
            if Self.isNumeric(host) {
                do throws(HTTPClientError) {
                    return connect(to: try pool.resolve())
                } catch {
                    return connectFailed(error)
                }
            }
            let loop = self.loop
            pool.lookUp { [self] result in
                loop.execute { [self] in
                    // Timed out or abandoned meanwhile: the slot was given back then.
                    guard phase == .resolving else { return }
                    guard !loop.isStopped else { return connectFailed(.connectionClosed) }
                    switch result {
                    case .success(let address): connect(to: address)
                    case .failure(let error): connectFailed(error)
                    }
                }
            }
        }

        private static func isNumeric(_ host: String) -> Bool {
            var scratch = in6_addr()
            return inet_pton(AF_INET, host, &scratch) == 1 || inet_pton(AF_INET6, host, &scratch) == 1
        }

        private func connect(to address: SocketAddress) {
            self.address = address
            let started: (socket: BlockingSocket, connected: Bool)
            do throws(HTTPClientError) {
                started = try BlockingSocket.beginConnect(to: address)
            } catch {
                return connectFailed(error)
            }
            socket = started.socket
            if started.connected {
                pool.opened(address)
                return beginWriting()
            }
            phase = .connecting
            watch(EPOLLOUT.rawValue)
        }

        private func finishConnecting() {
            guard let socket else { return }
            do throws(HTTPClientError) {
                try socket.finishConnect()
            } catch {
                return connectFailed(error)
            }
            pool.opened(address)
            beginWriting()
        }

        /// A new connection could not be made: its slot goes back to the pool. Nothing was sent,
        /// and a fresh connection is not tried again (the blocking client does the same).
        private func connectFailed(_ error: HTTPClientError) {
            unwatch()
            socket?.close()
            socket = nil
            pool.opened(nil)
            finish(.failure(error))
        }

        // MARK: - Writing and reading

        private func beginWriting() {
            phase = .writing
            deadline = MonotonicClock.now() &+ readNanos
            writeRequest()
        }

        private func writeRequest() {
            guard let socket else { return }
            while written < wire.count {
                let result: IOResult<Int>
                do {
                    result = try wire.withUnsafeBytes { raw in
                        try Socket.write(socket.fd, UnsafeRawBufferPointer(rebasing: raw[written...]))
                    }
                } catch {
                    return failed(written == 0 ? .unreachable("\(error)") : .connectionClosed)
                }
                guard case .processed(let count) = result else { return watch(EPOLLOUT.rawValue) }
                written += count
            }
            phase = .reading
            watch(EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
        }

        private func readAnswer() {
            guard let socket else { return }
            let buffer = loop.readBuffer
            while phase == .reading {
                let result: IOResult<Int>
                do {
                    result = try Socket.read(socket.fd, into: buffer)
                } catch {
                    return failed(.connectionClosed)
                }
                switch result {
                case .wouldBlock:
                    return
                case .processed(0):
                    // Every answer taken whole has a length, so a close before its end cuts it short.
                    return failed(.connectionClosed)
                case .processed(let count):
                    // Like the blocking client, each piece must arrive within the read timeout.
                    deadline = MonotonicClock.now() &+ readNanos
                    receivedAny = true
                    parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    takeEvents()
                    if count < buffer.count { return }
                }
            }
        }

        /// Handles what the parser has: keeps a body within the limit, hands anything else over as
        /// a stream, and completes at the end.
        private func takeEvents() {
            while phase == .reading {
                let event: HTTPResponseParser.Event?
                do {
                    event = try parser.next()
                } catch {
                    return failed(.malformedResponse(error.reason))
                }
                switch event {
                case .none:
                    return
                case .head(let summary):
                    head = summary.head
                    if let length = bufferedLength(of: summary.head) {
                        body.reserveCapacity(length)
                    } else {
                        return handOverStream(head: summary.head)
                    }
                case .body(let piece):
                    body.append(contentsOf: piece)
                case .end:
                    return finishWhole()
                }
            }
        }

        /// The body's length when it is taken whole: none for an answer without a body, the declared
        /// length when it is within the limit; nil when the body must be streamed.
        private func bufferedLength(of head: HTTPResponseHead) -> Int? {
            if method == .head || head.status.code == 204 || head.status.code == 304 { return 0 }
            if head.headers["Transfer-Encoding"] != nil { return nil }
            guard let length = head.contentLength, length <= bufferLimit else { return nil }
            return length
        }

        private func finishWhole() {
            guard let socket, let head else { return }
            unwatch()
            self.socket = nil
            pool.release(socket, reusable: head.keepAlive && !parser.hasBufferedBytes)
            finish(.success(.whole(HTTPClientResponse(head: head, body: body))))
        }

        /// Gives the connection, with whatever of the body the parser holds, to a stream read on a
        /// thread that may block; the stream returns it to the pool at the body's end.
        private func handOverStream(head: HTTPResponseHead) {
            guard let socket else { return }
            unwatch()
            self.socket = nil
            let stream = HTTPClientStream(socket: socket, pool: pool, parser: parser, head: head, readNanos: readNanos)
            finish(.success(.streaming(stream)))
        }

        /// The exchange broke after the connection was made: retried on a fresh connection when the
        /// rule allows, otherwise reported.
        private func failed(_ error: HTTPClientError) {
            let brokeBeforeAnswer = error == .connectionClosed && !receivedAny
            let mayRetry = error.nothingWasSent || (brokeBeforeAnswer && idempotent)
            dropSocket()
            if reused && !retried && mayRetry {
                retried = true
                return attempt(fresh: true)
            }
            finish(.failure(brokeBeforeAnswer ? .unreachable("connection closed before an answer") : error))
        }

        /// Closes a made connection and takes it off the pool's count.
        private func dropSocket() {
            unwatch()
            if let socket { pool.release(socket, reusable: false) }
            socket = nil
        }

        private func finish(_ result: Result<HTTPClientAnswer, HTTPClientError>) {
            guard phase != .done else { return }
            phase = .done
            loop.ended(self)
            completion(result)
        }

        // MARK: - The loop's interest

        private func watch(_ events: UInt32) {
            guard let socket else { return }
            do {
                if watched {
                    try loop.modify(socket.fd, events: events)
                } else {
                    try loop.watch(self, fd: socket.fd, events: events)
                    watched = true
                }
            } catch {
                failed(.connectionClosed)
            }
        }

        private func unwatch() {
            guard watched, let socket else { return }
            watched = false
            loop.unwatch(socket.fd)
        }
    }
#endif
