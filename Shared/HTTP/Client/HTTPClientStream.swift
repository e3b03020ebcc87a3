#if canImport(Glibc)
    import Glibc

    /// A response being received: its head, then the body piece by piece. The connection goes back
    /// to the pool when the body ends, or is closed on `cancel()` or any error.
    public final class HTTPClientStream: @unchecked Sendable {
        // Safe: used by one thread at a time, like the connection it owns.
        private var socket: BlockingSocket?
        private let pool: ConnectionPool
        private var parser: HTTPResponseParser
        private var pending: [HTTPResponseParser.Event] = []
        // Filled by read(2) before anything reads it: no need to zero 16 KiB for every request.
        private var buffer = [UInt8](unsafeUninitializedCapacity: 16 * 1024) { _, count in count = 16 * 1024 }
        private var readNanos: UInt64 = 0
        private var finished = false
        public private(set) var head = HTTPResponseHead(status: .ok)
        /// Whether any byte of the response arrived.
        private(set) var receivedAny = false

        init(socket: BlockingSocket, pool: ConnectionPool, limits: HTTPLimits, method: HTTPMethod) {
            self.socket = socket
            self.pool = pool
            self.parser = HTTPResponseParser(limits: limits)
            parser.expectResponse(to: method)
        }

        /// Takes over a response whose head an event loop already read (`LoopExchange`): the parser
        /// holds whatever of the body arrived with it.
        init(
            socket: BlockingSocket, pool: ConnectionPool, parser: HTTPResponseParser, head: HTTPResponseHead,
            readNanos: UInt64
        ) {
            self.socket = socket
            self.pool = pool
            self.parser = parser
            self.head = head
            self.readNanos = readNanos
            self.receivedAny = true
        }

        /// A stream let go before its end (an answer dropped because its client left, or refused for
        /// want of a worker) still closes its connection and gives its slot back to the pool.
        deinit { cancel() }

        func readHead(deadline: UInt64, readNanos: UInt64) throws(HTTPClientError) {
            self.readNanos = readNanos
            while true {
                let event = try nextEvent(deadline: deadline)
                if case .head(let summary) = event {
                    head = summary.head
                    return
                }
                throw .malformedResponse("body before head")
            }
        }

        /// The next piece of body, or nil at its end. Each piece must arrive within the read timeout.
        public func next() throws(HTTPClientError) -> [UInt8]? {
            guard !finished else { return nil }
            do throws(HTTPClientError) {
                let event = try nextEvent(deadline: MonotonicClock.now() &+ readNanos)
                switch event {
                case .body(let bytes): return bytes
                case .end:
                    finish()
                    return nil
                case .head: throw .malformedResponse("second head")
                }
            } catch {
                cancel()
                throw error
            }
        }

        /// Abandons the rest of the body and closes the connection.
        public func cancel() {
            finished = true
            if let socket {
                socket.close()
                pool.release(socket, reusable: false)
            }
            socket = nil
        }

        private func finish() {
            finished = true
            guard let socket else { return }
            self.socket = nil
            pool.release(socket, reusable: head.keepAlive && !parser.hasBufferedBytes)
        }

        private func nextEvent(deadline: UInt64) throws(HTTPClientError) -> HTTPResponseParser.Event {
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                do {
                    if let event = try parser.next() { return event }
                } catch {
                    throw .malformedResponse(error.reason)
                }
                guard let socket else { throw .connectionClosed }
                let result: Result<Int, HTTPClientError> = buffer.withUnsafeMutableBytes { raw in
                    Result { () throws(HTTPClientError) in
                        try socket.read(into: raw, deadline: deadline, waitFirst: !receivedAny)
                    }
                }
                let count = try result.get()
                if count == 0 {
                    do {
                        if let event = try parser.connectionClosed() {
                            socket.close()
                            return event
                        }
                    } catch {
                        throw .connectionClosed
                    }
                    throw .connectionClosed
                }
                receivedAny = true
                buffer.withUnsafeBytes { raw in parser.append(UnsafeRawBufferPointer(rebasing: raw[0..<count])) }
            }
        }
    }
#endif
