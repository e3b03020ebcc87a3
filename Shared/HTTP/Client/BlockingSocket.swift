#if canImport(Glibc)
    import Glibc
    import CSystem

    /// A client TCP connection used from one thread at a time: the socket is non-blocking and every
    /// wait goes through poll(2) with a deadline, so no call outlives its timeout.
    final class BlockingSocket: @unchecked Sendable {
        // Safe: used by one thread at a time (the pool hands it out exclusively).
        let fd: Int32
        var lastUsed: UInt64 = 0
        private(set) var isOpen = true

        private init(fd: Int32) { self.fd = fd }

        deinit { close() }

        /// Connects to `address`, waiting at most until `deadline` (monotonic nanoseconds).
        static func connect(to address: SocketAddress, deadline: UInt64) throws(HTTPClientError) -> BlockingSocket {
            let (socket, connected) = try beginConnect(to: address)
            if !connected {
                guard try socket.wait(for: Int16(POLLOUT), until: deadline) else {
                    throw .unreachable("connect timed out")
                }
                try socket.finishConnect()
            }
            return socket
        }

        /// Starts connecting to `address` without waiting. When `connected` is false the socket
        /// becomes writable once the attempt ended; then call `finishConnect()`.
        static func beginConnect(to address: SocketAddress) throws(HTTPClientError) -> (
            socket: BlockingSocket, connected: Bool
        ) {
            let fd = socket(
                address.family,
                Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { throw .unreachable("socket: errno \(errno)") }
            let socket = BlockingSocket(fd: fd)
            let result = address.withSockAddr { pointer, length in Glibc.connect(fd, pointer, length) }
            if result != 0 {
                let error = errno
                guard error == EINPROGRESS || error == EINTR else {
                    throw .unreachable(String(cString: strerror(error)))
                }
                return (socket, false)
            }
            Socket.setNoDelay(fd)
            return (socket, true)
        }

        /// Ends a connection attempt begun by `beginConnect` once the socket became writable.
        func finishConnect() throws(HTTPClientError) {
            var soError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
            if soError != 0 { throw .unreachable(String(cString: strerror(soError))) }
            Socket.setNoDelay(fd)
        }

        /// Waits until the socket is ready for `events`; false on timeout.
        func wait(for events: Int16, until deadline: UInt64) throws(HTTPClientError) -> Bool {
            while true {
                let now = MonotonicClock.now()
                if now >= deadline { return false }
                let milliseconds = Int32(min(UInt64(Int32.max), (deadline - now + 999_999) / 1_000_000))
                var entry = pollfd(fd: fd, events: events, revents: 0)
                let ready = poll(&entry, 1, milliseconds)
                if ready > 0 { return true }
                if ready < 0 && errno != EINTR { throw .connectionClosed }
            }
        }

        /// Writes all of `bytes`; returns how many went out before a failure (for retry decisions).
        func writeAll(_ bytes: [UInt8], deadline: UInt64) throws(HTTPClientError) {
            var offset = 0
            while offset < bytes.count {
                let result: IOResult<Int>
                do {
                    result = try bytes.withUnsafeBytes { raw in
                        try Socket.write(fd, UnsafeRawBufferPointer(rebasing: raw[offset...]))
                    }
                } catch {
                    throw offset == 0 ? .unreachable("\(error)") : .connectionClosed
                }
                switch result {
                case .processed(let count) where count > 0:
                    offset += count
                case .processed:
                    throw offset == 0 ? .unreachable("send wrote nothing") : .connectionClosed
                case .wouldBlock:
                    guard try wait(for: Int16(POLLOUT), until: deadline) else { throw .timeout }
                }
            }
        }

        /// Reads what is available, waiting until `deadline`; 0 means the peer closed. With
        /// `waitFirst` (nothing can have arrived yet, e.g. just after sending a request) it waits
        /// before reading, sparing a read that would only say "not yet".
        func read(into buffer: UnsafeMutableRawBufferPointer, deadline: UInt64, waitFirst: Bool = false)
            throws(HTTPClientError) -> Int
        {
            if waitFirst {
                guard try wait(for: Int16(POLLIN), until: deadline) else { throw .timeout }
            }
            while true {
                let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                let error = errno
                if error == EINTR { continue }
                if error == EAGAIN || error == EWOULDBLOCK {
                    guard try wait(for: Int16(POLLIN), until: deadline) else { throw .timeout }
                    continue
                }
                throw .connectionClosed
            }
        }

        /// Whether an idle pooled connection is still usable: nothing to read (no EOF, no stray bytes).
        var isReusable: Bool {
            guard isOpen else { return false }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&entry, 1, 0) == 0
        }

        func close() {
            guard isOpen else { return }
            isOpen = false
            Glibc.close(fd)
        }
    }
#endif
