#if canImport(Glibc)
    import Glibc

    /// Keep-alive connections to one upstream, bounded: at most `maxConnections` open at once (a
    /// caller past that waits until its deadline), at most `maxIdle` kept between requests, none kept
    /// longer than `idleTimeout`.
    ///
    /// A blocking caller waits on the lock's condition; an event loop's exchange cannot, so it leaves
    /// a `ConnectionPoolWaiter` (`lease(fresh:waiter:)`) that the pool tells, first come first
    /// served, each time a connection is given back or a slot freed; the waiter leases again.
    final class ConnectionPool: @unchecked Sendable {
        // Safe: `idle`, `open`, `address` and `waiters` are only touched while `lock` is held.
        private let lock = Lock()
        private var idle: [BlockingSocket] = []
        private var open = 0
        private var address: SocketAddress?
        private var waiters: [any ConnectionPoolWaiter] = []
        /// Those waiting for the name lookup in flight; nil while none is.
        private var lookupWaiters: [@Sendable (Result<SocketAddress, HTTPClientError>) -> Void]?
        let upstream: Upstream
        private let maxConnections: Int
        private let maxIdle: Int
        private let idleTimeout: UInt64
        /// How a host name becomes an address: the system's resolver, or a test's stand-in.
        typealias NameLookup = @Sendable (_ host: String, _ port: Int) throws -> SocketAddress
        static let systemNameLookup: NameLookup = { host, port in try SocketAddress.resolve(host: host, port: port) }
        private let nameLookup: NameLookup

        init(
            upstream: Upstream, maxConnections: Int, maxIdle: Int, idleTimeout: Duration,
            nameLookup: @escaping NameLookup = ConnectionPool.systemNameLookup
        ) {
            self.upstream = upstream
            self.maxConnections = maxConnections
            self.maxIdle = maxIdle
            self.idleTimeout = idleTimeout.nanoseconds
            self.nameLookup = nameLookup
        }

        /// A connection, reused when a healthy idle one exists; `reused` tells which. With `fresh`,
        /// a new one: the idle ones are closed, as the upstream just dropped one of their kind.
        func acquire(deadline: UInt64, fresh: Bool = false) throws(HTTPClientError) -> (
            socket: BlockingSocket, reused: Bool
        ) {
            lock.lock()
            while true {
                if let reusable = takeIdle(fresh: fresh) {
                    lock.unlock()
                    return (reusable, true)
                }
                let now = MonotonicClock.now()
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
                let resolved = if let cached { cached } else { try resolve() }
                let socket = try BlockingSocket.connect(to: resolved, deadline: deadline)
                opened(resolved)
                return (socket, false)
            } catch {
                opened(nil)
                throw error
            }
        }

        /// The upstream's address, looked up by name (this may wait on DNS).
        func resolve() throws(HTTPClientError) -> SocketAddress {
            do {
                return try nameLookup(upstream.host, upstream.port)
            } catch {
                throw .unreachable("cannot resolve \(upstream.host)")
            }
        }

        /// Looks the upstream's address up on a thread of its own and hands the result to `done`
        /// there, for a caller that must not wait on DNS. Lookups run one at a time per pool: a
        /// caller arriving while one is in flight gets its result, so a burst of calls to a name that
        /// does not answer starts one thread, not one each.
        func lookUp(_ done: @escaping @Sendable (Result<SocketAddress, HTTPClientError>) -> Void) {
            let starts: Bool = lock.withLock {
                guard lookupWaiters == nil else {
                    lookupWaiters?.append(done)
                    return false
                }
                lookupWaiters = [done]
                return true
            }
            guard starts else { return }
            ThreadHandle.spawn(name: "http-resolve", stackSize: 256 * 1024) { [self] in
                let result = Result { () throws(HTTPClientError) in try resolve() }
                let waiting: [@Sendable (Result<SocketAddress, HTTPClientError>) -> Void] = lock.withLock {
                    defer { lookupWaiters = nil }
                    return lookupWaiters ?? []
                }
                for done in waiting { done(result) }
            }.detach()
        }

        /// What `lease` found: an idle connection, leave to open a new one (to the cached address
        /// if known; report the outcome with `opened`), or no room (the waiter, if one was given, is
        /// queued).
        enum Lease {
            case idle(BlockingSocket)
            case connect(SocketAddress?)
            case exhausted
        }

        /// `acquire` without waiting, for an event loop: a new connection is counted here and made
        /// by the caller, who reports how it went with `opened(_:)`. With no room, `waiter` (when
        /// given) is queued, at the front with `first` (one woken before that lost the room to
        /// another caller), and told once when room may have come; `cancelWait` takes it back.
        func lease(fresh: Bool, waiter: (any ConnectionPoolWaiter)? = nil, first: Bool = false) -> Lease {
            lock.withLock {
                if let reusable = takeIdle(fresh: fresh) { return .idle(reusable) }
                guard open < maxConnections else {
                    if let waiter { waiters.insert(waiter, at: first ? 0 : waiters.count) }
                    return .exhausted
                }
                open += 1
                return .connect(address)
            }
        }

        /// Takes back a waiter that no longer waits (its deadline passed, its loop stopped).
        func cancelWait(_ waiter: any ConnectionPoolWaiter) {
            lock.withLock { waiters.removeAll { $0 === waiter } }
        }

        /// Tells the next waiter of room that a waiter woken for it no longer wanted.
        func passRoomOn() {
            lock.withLock { nextWaiter() }?.connectionPoolHasRoom()
        }

        /// After a `.connect` lease: remembers the address that worked, or on failure (nil) gives
        /// the slot back and forgets the address so the next connection resolves it again.
        func opened(_ address: SocketAddress?) {
            let woken: (any ConnectionPoolWaiter)? = lock.withLock {
                self.address = address
                guard address == nil else { return nil }
                open -= 1
                lock.signal()
                return nextWaiter()
            }
            woken?.connectionPoolHasRoom()
        }

        /// Pops a healthy idle connection, closing stale ones (all of them with `fresh`); call with
        /// `lock` held.
        private func takeIdle(fresh: Bool) -> BlockingSocket? {
            let now = MonotonicClock.now()
            while let candidate = idle.popLast() {
                if !fresh && now &- candidate.lastUsed < idleTimeout && candidate.isReusable { return candidate }
                candidate.close()
                open -= 1
            }
            return nil
        }

        /// Returns a connection after use; it is kept only if `reusable` and there is room.
        func release(_ socket: BlockingSocket, reusable: Bool) {
            let woken: (any ConnectionPoolWaiter)? = lock.withLock {
                if reusable && socket.isOpen && idle.count < maxIdle {
                    socket.lastUsed = MonotonicClock.now()
                    idle.append(socket)
                } else {
                    socket.close()
                    open -= 1
                }
                lock.signal()
                return nextWaiter()
            }
            woken?.connectionPoolHasRoom()
        }

        /// Closes every idle connection.
        func closeIdle() {
            let woken: [any ConnectionPoolWaiter] = lock.withLock {
                for socket in idle { socket.close() }
                open -= idle.count
                idle.removeAll()
                defer { waiters.removeAll() }
                return waiters
            }
            for waiter in woken { waiter.connectionPoolHasRoom() }
        }

        /// The first waiter, taken off the queue, to be told once `lock` is released: each
        /// connection given back or slot freed wakes one. Call with `lock` held.
        private func nextWaiter() -> (any ConnectionPoolWaiter)? {
            waiters.isEmpty ? nil : waiters.removeFirst()
        }
    }

    /// One that waits for room in a `ConnectionPool` without blocking a thread: an event loop's
    /// exchange.
    protocol ConnectionPoolWaiter: AnyObject, Sendable {
        /// Called once, on whichever thread gave a connection back or freed a slot, without the
        /// pool's lock held: lease again (someone else may have taken the room meanwhile).
        func connectionPoolHasRoom()
    }
#endif
