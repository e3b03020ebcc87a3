#if canImport(Glibc)
    import Glibc
    import CSystem

    /// Handing a connection to a worker and back: the worker runs the handler, writes a whole
    /// response straight to the socket when it can, and returns the connection to its loop.
    extension HTTPConnection {
        /// Gives the connection to a worker for `job`; answers 503 at once when the pool is full.
        func handToWorker(_ job: @escaping @Sendable (HTTPConnection) -> Void) {
            setInterest(0)
            workerOwned.store(true, ordering: .releasing)
            let accepted = server.workers.submit { [self] in job(self) }
            if !accepted {
                workerOwned.store(false, ordering: .releasing)
                state.workerRefused()
                respondDirectly(
                    JSONText.errorResponse(
                        status: .serviceUnavailable, code: "overloaded",
                        message: "The server is busy; try again shortly.", requestId: RequestID.generate(),
                        headers: ["Retry-After": "1"]
                    ), keepAlive: state.keepAlive)
            }
        }

        /// Runs on a worker: serialises the response and hands the bytes to the loop.
        func deliver(_ response: HTTPResponse, context: ResponseContext) {
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

        /// Runs on the worker that owns the connection: writes `bytes` straight to the socket and, if
        /// they all went out on a kept-alive connection with no pipelined bytes waiting, re-arms input
        /// and hands the connection back to the loop without waking it. Anything else (a partial
        /// write, a close, pipelined requests, a hang-up) is finished by the loop.
        func finishFromWorker(_ bytes: [UInt8], keepAlive: Bool) {
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
            if offset == bytes.count && keepAlive && parser.isIdle && !state.peerClosedInput {
                state.writtenByWorker(now: MonotonicClock.now())
                let events = EPOLLIN.rawValue | EPOLLRDHUP.rawValue
                // After a hang-up the loop removed the socket from epoll, and this fails with ENOENT.
                let rearmed: Bool
                do {
                    try loop.modify(fd, events: events)
                    rearmed = true
                } catch {
                    rearmed = false
                }
                interest = events
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
        func returnToLoop() -> Bool {
            workerOwned.store(false, ordering: .releasing)
            return !watching || closeWhenReturned.load(ordering: .acquiring)
        }

        func stopWatching() {
            guard watching else { return }
            loop.deregister(fd)
            watchingSocket.store(false, ordering: .releasing)
        }
    }
#endif
