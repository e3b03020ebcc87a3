#if canImport(Glibc)
    import Glibc
    import CSystem
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the socket calls the server and client make, each through `syscall`.
enum Socket {
    #if canImport(Glibc)
        static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
        static let streamType = SOCK_STREAM
    #endif

    /// A listening socket bound to `address`, non-blocking, with `SO_REUSEADDR` (a restart may
    /// bind while old connections are in TIME_WAIT) and never `SO_REUSEPORT`, which would let
    /// another process bind the same port and take a share of its connections. A port in use is
    /// `EADDRINUSE` from `bind`.
    static func listen(on address: SocketAddress, backlog: Int32 = 1024) throws(SystemError) -> Int32 {
        let fd = try syscallOrThrow("socket") {
            socket(address.family, streamType | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        do {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
            try syscallOrThrow("bind(\(address))") {
                address.withSockAddr { pointer, length in bind(fd, pointer, length) }
            }
            try syscallOrThrow("listen") { Glibc.listen(fd, backlog) }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// Another descriptor of the same socket, close-on-exec: each event loop watches its own
    /// descriptor of the one listening socket.
    static func duplicate(_ fd: Int32) throws(SystemError) -> Int32 {
        try syscallOrThrow("fcntl(F_DUPFD_CLOEXEC)") { fcntl(fd, F_DUPFD_CLOEXEC, 0) }
    }

    /// Accepts one pending connection as a non-blocking, close-on-exec socket.
    static func accept(_ listener: Int32) throws(SystemError) -> IOResult<Int32> {
        try syscall("accept4") { zapleczeAccept(listener) }
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws(SystemError) {
        var value = value
        try syscallOrThrow("setsockopt(\(name))") {
            setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
        }
    }

    /// Disables Nagle's algorithm: responses are written whole, so delaying them only adds latency.
    /// Failing costs only that latency, so the socket is used either way.
    static func setNoDelay(_ fd: Int32) {
        do {
            try setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
        } catch {
            assert(error.errno != EBADF, "\(error)")
        }
    }

    /// Shuts the sending side (a half-close): the peer reads the end of what was sent.
    static func shutdownWrite(_ fd: Int32) throws(SystemError) {
        try syscallOrThrow("shutdown(SHUT_WR)") { shutdown(fd, Int32(SHUT_WR)) }
    }

    /// The remote address of a connected socket, as text.
    static func peerName(_ fd: Int32) -> String {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(fd, $0, &length) }
        }
        guard result == 0 else { return "unknown" }
        return SocketAddress(storage: storage, length: length).host
    }

    /// Reads into `buffer`; `.processed(0)` means the peer closed.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try syscall("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    /// Writes from `buffer` without raising SIGPIPE on a closed peer.
    static func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try syscall("send") { send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL)) }
    }
}
