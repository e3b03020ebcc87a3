#if canImport(Glibc)
    import Glibc
    import CSystem
    import Synchronization

    /// One accepted connection: reads into the parser, hands whole requests to the worker pool one at
    /// a time (so pipelined requests are answered in order), writes responses, and enforces the
    /// timeouts its `ConnectionStateMachine` decides.
    ///
    /// Ownership: the connection is touched only on its event loop's thread, except while a handler
    /// runs. Then `workerOwned` is set, the socket's epoll interest is empty, and the worker thread owns
    /// it: it writes the response straight to the socket (no hop back to the loop in the common case)
    /// and re-arms input. Meanwhile the loop ignores the connection's timers and, on a hang-up, only
    /// stops watching the socket; it never closes a socket a worker may still write to (the number
    /// could be reused by the next accepted connection).
    final class HTTPConnection: @unchecked Sendable {
        let fd: Int32
        private unowned let loop: EventLoop
        private unowned let server: HTTPServer
        private var parser: HTTPRequestParser
        private var state: ConnectionStateMachine
        private var outbound: [UInt8] = []
        private var outboundOffset = 0
        private var awaitingResponse = false
        private var responseQueued = false
        private var keepAlive = true
        private var continuePending = false
        private var peerClosedInput = false
        private var flow: StreamFlow?
        private var wantsWrite = false
        /// The socket's epoll interest as last set, so an unchanged interest costs no system call.
        private var interest: UInt32 = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
        /// The plan for the request being received, made when its head arrived.
        private var plan: RequestPlan?
        /// Set while `processInput` runs, so finishing a response inside it does not re-enter it
        /// (pipelined requests answered on the loop would otherwise recurse once per request).
        private var processingInput = false
        private(set) var isClosed = false
        private let info: ConnectionInfo
        private let workerOwned = Atomic<Bool>(false)
        /// Set by the loop when it wanted to close the connection while a worker held it.
        private let closeWhenReturned = Atomic<Bool>(false)
        /// Set when an error answer goes out while the client may still be sending (RFC 9112 §9.6).
        private var lingerAfterAnswer = false
        /// While lingering: when to give up waiting for the client to finish sending.
        private var lingerDeadline: UInt64?
        private var lingerDiscarded = 0
        /// False once the loop removed the socket from epoll after a hang-up during a handler.
        private let watchingSocket = Atomic<Bool>(true)
        private var watching: Bool { watchingSocket.load(ordering: .acquiring) }

        /// The peer's address when it counts against the per-address cap (released on close).
        private let cappedAddress: String?

        init(fd: Int32, loop: EventLoop, server: HTTPServer, peer: String, capped: Bool, now: UInt64) {
            self.fd = fd
            self.loop = loop
            self.server = server
            self.parser = HTTPRequestParser(limits: server.configuration.limits)
            self.state = ConnectionStateMachine(timeouts: .init(server.configuration.limits), now: now)
            self.info = ConnectionInfo(remoteAddress: peer)
            self.cappedAddress = capped ? peer : nil
        }

        /// Whether the connection waits for a request and holds nothing (no byte of a request, no
        /// answer in flight): the server may close it to make room for a new client.
        var isIdle: Bool {
            !isClosed && !awaitingResponse && lingerDeadline == nil && outbound.isEmpty
                && !workerOwned.load(ordering: .acquiring) && parser.isIdle && state.isIdle
        }

        /// When the connection became idle (monotonic nanoseconds).
        var idleSince: UInt64 { state.idleSince }

        // MARK: - Events from the loop

        func handle(events: UInt32) {
            if lingerDeadline != nil { return discardWhileLingering() }
            if workerOwned.load(ordering: .acquiring) {
                // Input can show up in the instant between the worker re-arming the socket and handing
                // it back: leave it, level-triggered epoll reports it again. An error or hang-up is
                // reported even with an empty interest set, again and again: stop watching; the worker
                // finds out when it re-arms the socket and hands the close back to the loop.
                if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { stopWatching() }
                return
            }
            if events & EPOLLERR.rawValue != 0 || (events & EPOLLHUP.rawValue != 0 && events & EPOLLIN.rawValue == 0) {
                closeNow()
                return
            }
            if events & EPOLLOUT.rawValue != 0 { flush() }
            if !isClosed && events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLHUP.rawValue) != 0 {
                readAvailable()
            }
        }

        func tick(now: UInt64) {
            if workerOwned.load(ordering: .acquiring) { return }
            if let deadline = lingerDeadline {
                if now >= deadline { closeNow() }
                return
            }
            switch state.tick(now: now) {
            case .none:
                break
            case .close:
                closeNow()
            case .respondAndClose(let status):
                guard !awaitingResponse else { return closeNow() }
                respondDirectly(
                    JSONText.errorResponse(
                        status: status, code: "request_timeout",
                        message: "The request did not arrive in time.", requestId: RequestID.generate()
                    ), keepAlive: false)
            }
        }

        func beginDraining() {
            // A connection with a worker learns of the drain from `server.isDraining` when it answers.
            if workerOwned.load(ordering: .acquiring) { return }
            keepAlive = false
            if state.beginDraining() == .close { closeNow() }
        }

        /// Closes at once, whatever is in flight. A connection a worker holds is only marked: the
        /// worker may still write to its socket, so closing the number now could let the next
        /// accepted (or upstream) socket receive that write. It is closed when handed back.
        func closeNow() {
            guard !isClosed else { return }
            if workerOwned.load(ordering: .acquiring) {
                closeWhenReturned.store(true, ordering: .releasing)
                stopWatching()
                return
            }
            isClosed = true
            state.closed()
            flow?.close()
            flow = nil
            if watching { loop.forget(fd) } else { loop.forgetWithoutDeregistering(fd) }
            close(fd)
            server.connectionClosed(address: cappedAddress)
        }

        /// Drops a connection that could not be registered.
        func abandon() {
            isClosed = true
            close(fd)
            server.connectionClosed(address: cappedAddress)
        }

        // MARK: - Reading

        private func readAvailable() {
            guard !awaitingResponse else { return }
            var reads = 0
            while reads < 16 {
                reads += 1
                let buffer = loop.readBuffer
                let result: IOResult<Int>
                do {
                    result = try Socket.read(fd, into: buffer)
                } catch {
                    return closeNow()
                }
                switch result {
                case .wouldBlock:
                    reads = .max
                case .processed(0):
                    peerClosedInput = true
                    reads = .max
                case .processed(let count):
                    parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    if count < buffer.count { reads = .max }
                }
            }
            processInput()
        }

        private func processInput() {
            guard !processingInput else { return }
            processingInput = true
            defer { processingInput = false }
            while !awaitingResponse && !isClosed {
                let event: HTTPRequestParser.Event?
                do {
                    event = try parser.next()
                } catch {
                    return respondToParseError(error)
                }
                switch event {
                case .none:
                    let now = MonotonicClock.now()
                    state.received(
                        parserIdle: parser.isIdle, readingBody: parser.isReadingBody,
                        bodyBytes: parser.bodyBytesExpected, now: now)
                    if continuePending && parser.isReadingBody {
                        continuePending = false
                        queue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                        flush()
                    }
                    if peerClosedInput { closeNow() }
                    return
                case .head(let head):
                    let plan = server.responder.plan(
                        for: head, connection: info, defaultBodyLimit: server.configuration.limits.maxBodyBytes)
                    if plan.answersBeforeBody && parser.bodyBytesExpected > 0 {
                        // Refused from the head: answer now and never read the body. The client may
                        // still be sending it, so the connection closes after the answer, lingering
                        // (RFC 9112 §9.6); no 100 Continue invites the body.
                        lingerAfterAnswer = true
                        keepAlive = false
                        continuePending = false
                        return dispatch(HTTPRequest(head: head), plan: plan)
                    }
                    parser.bodyLimit = plan.bodyLimit
                    self.plan = plan
                    continuePending = head.expectsContinue
                case .request(let request):
                    continuePending = false
                    let plan = self.plan ?? RequestPlan(bodyLimit: server.configuration.limits.maxBodyBytes)
                    self.plan = nil
                    dispatch(request, plan: plan)
                }
            }
        }

        private func respondToParseError(_ error: HTTPParseError) {
            // The client may still be sending (a body too large, a request cut short): closing at
            // once could reset the connection and destroy the answer before it is read.
            lingerAfterAnswer = true
            respondDirectly(
                JSONText.errorResponse(
                    status: error.status, code: error.code, message: error.reason, requestId: RequestID.generate()
                ), keepAlive: false)
        }

        // MARK: - Dispatch

        private func dispatch(_ request: HTTPRequest, plan: RequestPlan) {
            awaitingResponse = true
            state.dispatched()
            keepAlive = keepAlive && request.head.keepAlive && !peerClosedInput && !state.draining
            let context = ResponseContext(
                keepAlive: keepAlive, isHead: request.method == .head, version: request.head.version
            )
            let responder = server.responder
            let info = self.info
            if plan.execution == .eventLoop {
                return answerOnLoop(responder.respond(to: request, plan: plan, connection: info), context: context)
            }
            handToWorker { connection in
                connection.deliver(responder.respond(to: request, plan: plan, connection: info), context: context)
            }
        }

        /// Gives the connection to a worker for `job`; answers 503 at once when the pool is full.
        private func handToWorker(_ job: @escaping @Sendable (HTTPConnection) -> Void) {
            setInterest(0)
            workerOwned.store(true, ordering: .releasing)
            let accepted = server.workers.submit { [self] in job(self) }
            if !accepted {
                workerOwned.store(false, ordering: .releasing)
                awaitingResponse = false
                respondDirectly(
                    JSONText.errorResponse(
                        status: .serviceUnavailable, code: "overloaded",
                        message: "The server is busy; try again shortly.", requestId: RequestID.generate(),
                        headers: ["Retry-After": "1"]
                    ), keepAlive: keepAlive)
            }
        }

        /// Answers with a response a handler made on the loop.
        private func answerOnLoop(_ response: HTTPResponse, context: ResponseContext) {
            switch response.body {
            case .bytes:
                deliverOnLoop(response, context: context)
            case .stream(let stream) where context.isHead || response.status.forbidsBody:
                // No byte of the body is sent, so its producer never runs: the head goes out from here.
                let (head, _, keepAlive) = Self.streamHead(response, stream, context: context)
                complete(with: head, keepAlive: keepAlive && !server.isDraining)
            case .stream:
                // A streamed body is produced on a worker: the producer may wait for the client.
                handToWorker { connection in connection.deliver(response, context: context) }
            case .pending(let pending):
                // The loop serves other connections meanwhile; this one asks for no input (pipelined
                // requests wait their turn), as while a worker holds it. A reset or hang-up reported
                // anyway closes it, and the answer is dropped on arrival.
                setInterest(0)
                pending.deliver { [self] response in
                    guard !isClosed else { return }
                    if case .pending = response.body { return answerOnLoop(Self.misplacedPending, context: context) }
                    answerOnLoop(response, context: context)
                }
            }
        }

        /// The answer when a pending response is returned where it cannot be waited for.
        private static var misplacedPending: HTTPResponse {
            JSONText.errorResponse(
                status: .internalServerError, code: "internal_error",
                message: "Something went wrong on our side; it has been logged.", requestId: RequestID.generate()
            )
        }

        /// The head of a response with a streamed body; its framing (the length when known, else
        /// chunks, else, for HTTP/1.0, the connection's close); whether the connection stays open.
        private static func streamHead(
            _ response: HTTPResponse, _ stream: BodyStream, context: ResponseContext
        ) -> (head: [UInt8], framing: ResponseSerializer.Framing, keepAlive: Bool) {
            let framing: ResponseSerializer.Framing
            var keepAlive = context.keepAlive
            if response.status.forbidsBody {
                framing = .none
            } else if let length = stream.contentLength {
                framing = .length(length)
            } else if context.version == .http1_1 {
                framing = .chunked
            } else {
                framing = .none
                keepAlive = false
            }
            return (
                ResponseSerializer.head(response, framing: framing, keepAlive: keepAlive, version: context.version),
                framing, keepAlive
            )
        }

        /// Writes a response made on the loop itself; the connection never left the loop.
        private func deliverOnLoop(_ response: HTTPResponse, context: ResponseContext) {
            let keepAlive = context.keepAlive && !server.isDraining
            let bytes = ResponseSerializer.serialize(
                response, keepAlive: keepAlive, isHead: context.isHead, version: context.version)
            complete(with: bytes, keepAlive: keepAlive)
        }

        struct ResponseContext: Sendable {
            var keepAlive: Bool
            var isHead: Bool
            var version: HTTPVersion
        }

        /// Runs on a worker: serialises the response and hands the bytes to the loop.
        private func deliver(_ response: HTTPResponse, context: ResponseContext) {
            var context = context
            // Once shutdown began, the connection closes after this answer: the head must say so
            // (RFC 9112 §9.6), or a client may send its next request into the closing socket.
            if server.isDraining { context.keepAlive = false }
            let suppressBody = context.isHead || response.status.forbidsBody
            switch response.body {
            case .pending:
                // Only a handler running on an event loop may answer later (`PendingResponse`).
                assertionFailure("a handler on a worker returned a pending response")
                let bytes = ResponseSerializer.serialize(
                    Self.misplacedPending, keepAlive: context.keepAlive, isHead: context.isHead,
                    version: context.version)
                finishFromWorker(bytes, keepAlive: context.keepAlive && !server.isDraining)
            case .bytes:
                let bytes = ResponseSerializer.serialize(
                    response, keepAlive: context.keepAlive, isHead: context.isHead, version: context.version)
                finishFromWorker(bytes, keepAlive: context.keepAlive && !server.isDraining)
            case .stream(let stream):
                let (head, framing, keepAlive) = Self.streamHead(response, stream, context: context)
                if suppressBody {
                    finishFromWorker(head, keepAlive: keepAlive)
                    return
                }
                // A streamed body is written by the loop as the producer hands it pieces.
                let hangUp = returnToLoop()
                if hangUp { loop.execute { [self] in closeNow() } }
                let flow = StreamFlow()
                // Once the loops stop, nothing drains the flow: the server closes it so the producer
                // stops instead of waiting for room for ever.
                server.track(flow)
                defer { server.untrack(flow) }
                loop.execute { [self] in
                    self.flow = flow
                    if isClosed { flow.close() }
                }
                let writer = StreamBodyWriter(flow: flow, chunked: framing == .chunked) { [self] bytes in
                    loop.execute { [self] in
                        guard !isClosed else { return }
                        queue(bytes)
                        flush()
                    }
                }
                do {
                    try flow.reserve(head.count)
                    loop.execute { [self] in
                        guard !isClosed else { return }
                        queue(head)
                        flush()
                    }
                    try stream.produce(writer)
                    let tail = framing == .chunked ? ResponseSerializer.lastChunk : []
                    try flow.reserve(tail.count)
                    loop.execute { [self] in complete(with: tail, keepAlive: keepAlive) }
                } catch {
                    // The head may be out already: the only honest signal left is to close.
                    server.logStreamFailure(error)
                    loop.execute { [self] in closeNow() }
                }
            }
        }

        // MARK: - Worker side

        /// Runs on the worker that owns the connection: writes `bytes` straight to the socket and, if
        /// they all went out on a kept-alive connection with no pipelined bytes waiting, re-arms input
        /// and hands the connection back to the loop without waking it. Anything else (a partial
        /// write, a close, pipelined requests, a hang-up) is finished by the loop.
        private func finishFromWorker(_ bytes: [UInt8], keepAlive: Bool) {
            // The socket is non-blocking: what does not go out at once (or an error) is the loop's.
            var offset = 0
            while offset < bytes.count,
                case .processed(let count)? = try? bytes.withUnsafeBytes({ raw in
                    try Socket.write(fd, UnsafeRawBufferPointer(rebasing: raw[offset...]))
                }),
                count > 0
            {
                offset += count
            }
            if offset == bytes.count && keepAlive && parser.isIdle && !peerClosedInput {
                _ = state.responseWritten(keepAlive: true, now: MonotonicClock.now())
                awaitingResponse = false
                self.keepAlive = true
                var event = epoll_event(events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue, data: epoll_data_t(fd: fd))
                // After a hang-up the loop removed the socket from epoll, and this fails with ENOENT.
                let rearmed = epoll_ctl(loop.epoll, EPOLL_CTL_MOD, fd, &event) == 0
                interest = event.events
                workerOwned.store(false, ordering: .releasing)
                // Checked after the hand-back: a hang-up or close seen by the loop while the worker
                // still held the connection only stopped watching it.
                if !rearmed || !watching || closeWhenReturned.load(ordering: .acquiring) {
                    loop.execute { [self] in closeNow() }
                } else if server.isDraining {
                    // Shutdown began while the worker held the connection, so the loop's drain
                    // skipped it: let the loop close it now that it is idle.
                    loop.execute { [self] in beginDraining() }
                }
                return
            }
            let rest = offset == 0 ? bytes : Array(bytes[offset...])
            _ = returnToLoop()
            loop.execute { [self] in complete(with: rest, keepAlive: keepAlive) }
        }

        /// Gives the connection back to the loop; true if the loop stopped watching it (hang-up).
        private func returnToLoop() -> Bool {
            workerOwned.store(false, ordering: .releasing)
            return !watching || closeWhenReturned.load(ordering: .acquiring)
        }

        private func stopWatching() {
            guard watching else { return }
            _ = epoll_ctl(loop.epoll, EPOLL_CTL_DEL, fd, nil)
            watchingSocket.store(false, ordering: .releasing)
        }

        // MARK: - Writing

        /// Answers from the loop itself (parse errors, timeouts, overload).
        private func respondDirectly(_ response: HTTPResponse, keepAlive: Bool) {
            awaitingResponse = true
            state.dispatched()
            setInterest(0)
            self.keepAlive = keepAlive
            let bytes =
                ResponseSerializer.head(
                    response, framing: .length(response.bodyBytes?.count ?? 0), keepAlive: keepAlive, version: .http1_1
                ) + (response.bodyBytes ?? [])
            complete(with: bytes, keepAlive: keepAlive)
        }

        private func complete(with bytes: [UInt8], keepAlive: Bool) {
            guard !isClosed else { return }
            guard watching else { return closeNow() }
            self.keepAlive = keepAlive
            queue(bytes)
            responseQueued = true
            flush()
        }

        private func queue(_ bytes: [UInt8]) {
            if outbound.isEmpty {
                outbound = bytes
                outboundOffset = 0
            } else {
                outbound.append(contentsOf: bytes)
            }
        }

        private func flush() {
            guard !isClosed else { return }
            let now = MonotonicClock.now()
            var wrote = 0
            while outboundOffset < outbound.count {
                let result: IOResult<Int>
                do {
                    result = try outbound.withUnsafeBytes { raw in
                        try Socket.write(fd, UnsafeRawBufferPointer(rebasing: raw[outboundOffset...]))
                    }
                } catch {
                    return closeNow()
                }
                guard case .processed(let count) = result else { break }
                outboundOffset += count
                wrote += count
            }
            if wrote > 0 { flow?.written(wrote) }
            if outboundOffset < outbound.count {
                if wrote > 0 { state.writeProgressed(now: now) }
                state.writeBlocked(now: now)
                setWriteInterest(true)
                return
            }
            outbound.removeAll(keepingCapacity: outbound.capacity <= 64 * 1024)
            outboundOffset = 0
            state.writeDrained()
            setWriteInterest(false)
            guard responseQueued else { return }
            responseQueued = false
            awaitingResponse = false
            flow = nil
            if state.responseWritten(keepAlive: keepAlive && !server.isDraining, now: now) == .close {
                return lingerAfterAnswer && !peerClosedInput ? beginLingering(now: now) : closeNow()
            }
            setInterest(EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
            if peerClosedInput && parser.isIdle { return closeNow() }
            processInput()
        }

        // MARK: - Lingering close (RFC 9112 §9.6)

        /// Half-closes: the answer is all out, so stop writing, and read and discard what the client
        /// still sends until it closes, 2 s pass or 1 MiB was thrown away. Closing with unread input
        /// would make the kernel send a reset, which can destroy the answer in the client's buffers.
        private func beginLingering(now: UInt64) {
            shutdown(fd, Int32(SHUT_WR))
            lingerDeadline = now &+ 2_000_000_000
            setInterest(EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
            discardWhileLingering()
        }

        private func discardWhileLingering() {
            while !isClosed {
                let result: IOResult<Int>
                do {
                    result = try Socket.read(fd, into: loop.readBuffer)
                } catch {
                    return closeNow()
                }
                switch result {
                case .wouldBlock:
                    return
                case .processed(0):
                    return closeNow()
                case .processed(let count):
                    lingerDiscarded += count
                    if lingerDiscarded > 1 << 20 { return closeNow() }
                }
            }
        }

        private func setWriteInterest(_ on: Bool) {
            guard on != wantsWrite else { return }
            wantsWrite = on
            if on {
                setInterest(EPOLLOUT.rawValue)
            } else if awaitingResponse {
                setInterest(0)
            }
        }

        /// Sets the socket's epoll interest; no system call when it is already that.
        private func setInterest(_ events: UInt32) {
            guard events != interest else { return }
            interest = events
            loop.modify(fd, events: events)
        }
    }
#endif
