#if canImport(Glibc)
    import Glibc
    import CSystem

    /// The lingering close (RFC 9112 §9.6): after an answer sent while the client may still be
    /// sending, stop writing, and read and throw away what arrives until the client closes, the
    /// linger time passes or too much was thrown away. Closing with unread input would make the
    /// kernel send a reset, which can destroy the answer in the client's buffers.
    extension HTTPConnection {
        /// The answer is all out: half-closes and starts throwing away what arrives.
        func beginLingering(now: UInt64) {
            do {
                try Socket.shutdownWrite(fd)
            } catch {
                // Not connected any more: nothing left to wait for.
                return closeNow()
            }
            state.beginLingering(now: now)
            setInterest(EPOLLIN.rawValue | EPOLLRDHUP.rawValue)
            discardWhileLingering()
        }

        /// Reads and throws away what is there; closes on the client's end or past the limit.
        func discardWhileLingering() {
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
                    if state.discarded(count) { return closeNow() }
                }
            }
        }
    }
#endif
