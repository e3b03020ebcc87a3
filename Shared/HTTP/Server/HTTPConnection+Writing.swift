#if canImport(Glibc)
    import Glibc
    import CSystem

    /// Writing on the loop: answers the connection makes itself, queued bytes flushed as the socket
    /// takes them, and the epoll interest that follows.
    extension HTTPConnection {
        /// Answers from the loop itself (parse errors, timeouts, overload).
        func respondDirectly(_ response: HTTPResponse, keepAlive: Bool) {
            state.answering(keepAlive: keepAlive)
            setInterest(0)
            let bytes =
                ResponseSerializer.head(
                    response, framing: .length(response.bodyBytes?.count ?? 0), keepAlive: keepAlive, version: .http1_1
                ) + (response.bodyBytes ?? [])
            complete(with: bytes, keepAlive: keepAlive)
        }

        func complete(with bytes: [UInt8], keepAlive: Bool) {
            guard !isClosed else { return }
            guard watching else { return closeNow() }
            state.responseQueued(keepAlive: keepAlive)
            queue(bytes)
            flush()
        }

        func queue(_ bytes: [UInt8]) {
            if outbound.isEmpty {
                outbound = bytes
                outboundOffset = 0
            } else {
                outbound.append(contentsOf: bytes)
            }
        }

        func flush() {
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
            guard let next = state.queueWritten(serverDraining: server.isDraining, now: now) else { return }
            flow = nil
            if next == .close { return state.lingersOnClose ? beginLingering(now: now) : closeNow() }
            setInterest(EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
            if state.peerClosedInput && parser.isIdle { return closeNow() }
            processInput()
        }

        func setWriteInterest(_ on: Bool) {
            guard on != wantsWrite else { return }
            wantsWrite = on
            if on {
                setInterest(EPOLLOUT.rawValue)
            } else if state.awaitingResponse {
                setInterest(0)
            }
        }

        /// Sets the socket's epoll interest; no system call when it is already that.
        func setInterest(_ events: UInt32) {
            guard events != interest else { return }
            interest = events
            do {
                try loop.modify(fd, events: events)
            } catch {
                // The socket is no longer watched, so nothing would report on it again: close it,
                // once the work in hand is done.
                loop.execute { [self] in closeNow() }
            }
        }
    }
#endif
