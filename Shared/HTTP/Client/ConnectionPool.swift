#if canImport(Glibc)
import Glibc

/// Keep-alive connections to one upstream, bounded: at most `maxConnections` open at once (a
/// caller past that waits until its deadline), at most `maxIdle` kept between requests, none kept
/// longer than `idleTimeout`.
final class ConnectionPool: @unchecked Sendable {
    // Safe: `idle`, `open` and `address` are only touched while `lock` is held.
    private let lock = Lock()
    private var idle: [BlockingSocket] = []
    private var open = 0
    private var address: SocketAddress?
    let upstream: Upstream
    private let maxConnections: Int
    private let maxIdle: Int
    private let idleTimeout: UInt64

    init(upstream: Upstream, maxConnections: Int, maxIdle: Int, idleTimeout: Duration) {
        self.upstream = upstream
        self.maxConnections = maxConnections
        self.maxIdle = maxIdle
        self.idleTimeout = idleTimeout.nanoseconds
    }

    /// A connection, reused when a healthy idle one exists; `reused` tells which. With `fresh`,
    /// a new one: the idle ones are closed, as the upstream just dropped one of their kind.
    func acquire(deadline: UInt64, fresh: Bool = false) throws(HTTPClientError) -> (socket: BlockingSocket, reused: Bool) {
        lock.lock()
        while true {
            let now = MonotonicClock.now()
            while let candidate = idle.popLast() {
                if !fresh && now &- candidate.lastUsed < idleTimeout && candidate.isReusable {
                    lock.unlock()
                    return (candidate, true)
                }
                candidate.close()
                open -= 1
            }
            if open < maxConnections { break }
            if now >= deadline {
                lock.unlock()
                throw .poolExhausted
            }
            lock.wait(untilMonotonicNanoseconds: deadline)
        }
        open += 1
        let cached = address
        lock.unlock()
        do throws(HTTPClientError) {
            let resolved: SocketAddress
            if let cached {
                resolved = cached
            } else {
                do {
                    resolved = try SocketAddress.resolve(host: upstream.host, port: upstream.port)
                } catch {
                    throw HTTPClientError.unreachable("cannot resolve \(upstream.host)")
                }
                lock.withLock { address = resolved }
            }
            let socket = try BlockingSocket.connect(to: resolved, deadline: deadline)
            return (socket, false)
        } catch {
            lock.withLock {
                open -= 1
                address = nil
                lock.signal()
            }
            throw error
        }
    }

    /// Returns a connection after use; it is kept only if `reusable` and there is room.
    func release(_ socket: BlockingSocket, reusable: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if reusable && socket.isOpen && idle.count < maxIdle {
            socket.lastUsed = MonotonicClock.now()
            idle.append(socket)
        } else {
            socket.close()
            open -= 1
        }
        lock.signal()
    }

    /// Closes every idle connection.
    func closeIdle() {
        lock.withLock {
            for socket in idle { socket.close() }
            open -= idle.count
            idle.removeAll()
        }
    }
}
#endif
