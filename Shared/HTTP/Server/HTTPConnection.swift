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
        unowned let loop: EventLoop
        unowned let server: HTTPServer
        var parser: HTTPRequestParser
        var state: ConnectionStateMachine
        var outbound: [UInt8] = []
        var outboundOffset = 0
        var flow: StreamFlow?
        var wantsWrite = false
        /// The socket's epoll interest as last set, so an unchanged interest costs no system call.
        var interest: UInt32 = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
        /// The plan for the request being received, made when its head arrived.
        var plan: RequestPlan?
        /// Set while `processInput` runs, so finishing a response inside it does not re-enter it
        /// (pipelined requests answered on the loop would otherwise recurse once per request).
        var processingInput = false
        private(set) var isClosed = false
        let info: ConnectionInfo
        let workerOwned = Atomic<Bool>(false)
        /// Set by the loop when it wanted to close the connection while a worker held it.
        let closeWhenReturned = Atomic<Bool>(false)
        /// False once the loop removed the socket from epoll after a hang-up during a handler.
        let watchingSocket = Atomic<Bool>(true)
        var watching: Bool { watchingSocket.load(ordering: .acquiring) }

        /// The peer's address when it counts against the per-address cap (released on close).
        let cappedAddress: String?

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
            !isClosed && !state.awaitingResponse && !state.isLingering && outbound.isEmpty
                && !workerOwned.load(ordering: .acquiring) && parser.isIdle && state.isIdle
        }

        /// When the connection became idle (monotonic nanoseconds).
        var idleSince: UInt64 { state.idleSince }

        // MARK: - Events from the loop

        func handle(events: UInt32) {
            if state.isLingering { return discardWhileLingering() }
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
            switch state.tick(now: now) {
            case .none:
                break
            case .close:
                closeNow()
            case .respondAndClose(let status):
                guard !state.awaitingResponse else { return closeNow() }
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

        func readAvailable() {
            guard !state.awaitingResponse else { return }
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
                    state.inputEnded()
                    reads = .max
                case .processed(let count):
                    parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                    if count < buffer.count { reads = .max }
                }
            }
            processInput()
        }

        func processInput() {
            guard !processingInput else { return }
            processingInput = true
            defer { processingInput = false }
            while !state.awaitingResponse && !isClosed {
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
                    if state.takeContinue(readingBody: parser.isReadingBody) {
                        queue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                        flush()
                    }
                    if state.peerClosedInput { closeNow() }
                    return
                case .head(let head):
                    let plan = server.responder.plan(
                        for: head, connection: info, defaultBodyLimit: server.configuration.limits.maxBodyBytes)
                    if plan.answersBeforeBody && parser.bodyBytesExpected > 0 {
                        // Refused from the head: answer now and never read the body. The client may
                        // still be sending it, so the connection closes after the answer, lingering
                        // (RFC 9112 §9.6); no 100 Continue invites the body.
                        state.refusedBeforeBody()
                        return dispatch(HTTPRequest(head: head), plan: plan)
                    }
                    parser.bodyLimit = plan.bodyLimit
                    self.plan = plan
                    state.headArrived(expectsContinue: head.expectsContinue)
                case .request(let request):
                    let plan = self.plan ?? RequestPlan(bodyLimit: server.configuration.limits.maxBodyBytes)
                    self.plan = nil
                    dispatch(request, plan: plan)
                }
            }
        }

        func respondToParseError(_ error: HTTPParseError) {
            // The client may still be sending (a body too large, a request cut short): closing at
            // once could reset the connection and destroy the answer before it is read.
            state.answerWhileClientSends()
            respondDirectly(
                JSONText.errorResponse(
                    status: error.status, code: error.code, message: error.reason, requestId: RequestID.generate()
                ), keepAlive: false)
        }

        // MARK: - Dispatch

        func dispatch(_ request: HTTPRequest, plan: RequestPlan) {
            let keepAlive = state.dispatched(clientKeepsAlive: request.head.keepAlive)
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

        /// Answers with a response a handler made on the loop.
        func answerOnLoop(_ response: HTTPResponse, context: ResponseContext) {
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
        static var misplacedPending: HTTPResponse {
            JSONText.errorResponse(
                status: .internalServerError, code: "internal_error",
                message: "Something went wrong on our side; it has been logged.", requestId: RequestID.generate()
            )
        }

        /// The head of a response with a streamed body; its framing (the length when known, else
        /// chunks, else, for HTTP/1.0, the connection's close); whether the connection stays open.
        static func streamHead(
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
        func deliverOnLoop(_ response: HTTPResponse, context: ResponseContext) {
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

    }
#endif
