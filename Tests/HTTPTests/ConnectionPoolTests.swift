import Testing

@testable import HTTP

/// The pool's bookkeeping of room and of those waiting for it, driven step by step from one
/// thread: which waiter is told, when, and that no room is lost between them.
@Suite struct ConnectionPoolTests {
    /// A waiter that only notes, in one shared list, that it was told.
    final class Waiter: ConnectionPoolWaiter {
        let name: String
        let told: Locked<[String]>
        init(_ name: String, _ told: Locked<[String]>) {
            self.name = name
            self.told = told
        }
        func connectionPoolHasRoom() { told.withLock { $0.append(name) } }
    }

    /// A pool of at most one connection, to `host` looked up by `nameLookup`.
    static func poolOfOne(
        host: String, port: Int,
        nameLookup: @escaping ConnectionPool.NameLookup = ConnectionPool.systemNameLookup
    ) -> ConnectionPool {
        ConnectionPool(
            upstream: Upstream(host: host, port: port), maxConnections: 1, maxIdle: 1,
            idleTimeout: .seconds(60), nameLookup: nameLookup)
    }

    /// A pool of at most one connection to a listening upstream, and the names its waiters were
    /// told, in order.
    static func withAPoolOfOne(_ body: (ConnectionPool, Locked<[String]>) throws -> Void) throws {
        let upstream = try ScriptedUpstream { _ in .close }
        defer { upstream.stop() }
        try body(poolOfOne(host: "127.0.0.1", port: upstream.port), Locked([]))
    }

    static func after(_ duration: Duration) -> UInt64 { MonotonicClock.now() &+ duration.nanoseconds }

    /// A `.connect` lease, made real, as an event loop's exchange does it.
    static func connected(_ pool: ConnectionPool) throws -> BlockingSocket {
        guard case .connect = pool.lease(fresh: false) else { throw HTTPClientError.poolExhausted }
        let address = try pool.resolve()
        let socket = try BlockingSocket.connect(to: address, deadline: after(.seconds(2)))
        pool.opened(address)
        return socket
    }

    static func leasesRoomToConnect(_ pool: ConnectionPool, _ waiter: Waiter) -> Bool {
        if case .connect = pool.lease(fresh: false, waiter: waiter) { return true }
        return false
    }

    @Test func waitersAreTold_InTheOrderTheyCame_OneForEachConnectionGivenBack() throws {
        try Self.withAPoolOfOne { pool, told in
            let (a, b) = (Waiter("a", told), Waiter("b", told))
            let socket = try Self.connected(pool)
            guard case .exhausted = pool.lease(fresh: false, waiter: a),
                case .exhausted = pool.lease(fresh: false, waiter: b)
            else {
                Issue.record("a pool of one with its connection out has no room")
                return
            }
            #expect(told.current.isEmpty)

            pool.release(socket, reusable: true)
            #expect(told.current == ["a"])
            guard case .idle(let again) = pool.lease(fresh: false, waiter: a) else {
                Issue.record("the connection given back is leased again")
                return
            }
            #expect(again === socket)

            pool.release(again, reusable: false)
            #expect(told.current == ["a", "b"])
            #expect(Self.leasesRoomToConnect(pool, b), "a connection closed on release frees its slot")
        }
    }

    @Test func aWaiterWokenBefore_ComesBackToTheFrontOfTheQueue() throws {
        try Self.withAPoolOfOne { pool, told in
            let socket = try Self.connected(pool)
            _ = pool.lease(fresh: false, waiter: Waiter("b", told))
            _ = pool.lease(fresh: false, waiter: Waiter("a", told), first: true)
            pool.release(socket, reusable: true)
            #expect(told.current == ["a"])
        }
    }

    @Test func roomAWokenWaiterNoLongerWants_IsPassedOnToTheNext() throws {
        try Self.withAPoolOfOne { pool, told in
            let (a, b, c) = (Waiter("a", told), Waiter("b", told), Waiter("c", told))
            guard case .connect = pool.lease(fresh: false) else {
                Issue.record("an empty pool has room")
                return
            }
            for waiter in [a, b, c] { _ = pool.lease(fresh: false, waiter: waiter) }

            pool.opened(nil)  // the connect failed: its slot is free
            #expect(told.current == ["a"])
            pool.passRoomOn()  // `a` gave up meanwhile
            #expect(told.current == ["a", "b"])
            #expect(Self.leasesRoomToConnect(pool, b), "the slot passed on is still free")
            #expect(told.current == ["a", "b"], "c waits for the next room")
        }
    }

    @Test func aWaiterTakenBack_IsNotTold() throws {
        try Self.withAPoolOfOne { pool, told in
            let (a, b) = (Waiter("a", told), Waiter("b", told))
            let socket = try Self.connected(pool)
            _ = pool.lease(fresh: false, waiter: a)
            _ = pool.lease(fresh: false, waiter: b)
            pool.cancelWait(a)
            pool.release(socket, reusable: true)
            #expect(told.current == ["b"])
        }
    }

    @Test func closingTheIdleConnections_TellsEveryWaiter() throws {
        try Self.withAPoolOfOne { pool, told in
            _ = try Self.connected(pool)
            for name in ["a", "b", "c"] { _ = pool.lease(fresh: false, waiter: Waiter(name, told)) }
            pool.closeIdle()
            #expect(told.current == ["a", "b", "c"])
        }
    }

    @Test func aBlockingCaller_GivesUpAtItsDeadline_WhileNoConnectionComesBack_AndGetsTheOneGivenBack() throws {
        try Self.withAPoolOfOne { pool, _ in
            let (socket, reused) = try pool.acquire(deadline: Self.after(.seconds(2)))
            #expect(!reused)
            #expect(throws: HTTPClientError.poolExhausted) {
                _ = try pool.acquire(deadline: Self.after(.milliseconds(20)))
            }

            let gotIt = Gate()
            let waiting = ThreadHandle.spawn(name: "test-acquire") {
                if let (again, reused) = try? pool.acquire(deadline: Self.after(.seconds(10))), reused, again === socket
                {
                    gotIt.open()
                }
            }
            pool.release(socket, reusable: true)
            #expect(gotIt.wait())
            waiting.join()
        }
    }

    @Test func callersArrivingWhileANameIsLookedUp_ShareThatOneLookup_AndALaterCallerStartsAnother() throws {
        let release = Gate()
        let lookups = Tally()
        let pool = Self.poolOfOne(host: "shop-loyalty", port: 8081) { _, port in
            lookups.increment()
            _ = release.wait()
            return try SocketAddress.resolve(host: "127.0.0.1", port: port)
        }
        let answered = Tally()
        let ports = Locked<[Int]>([])
        let done: @Sendable (Result<SocketAddress, HTTPClientError>) -> Void = { result in
            if case .success(let address) = result { ports.withLock { $0.append(address.port) } }
            answered.increment()
        }
        for _ in 0..<10 { pool.lookUp(done) }
        #expect(lookups.wait(for: 1))
        #expect(answered.value == 0)

        release.open()
        #expect(answered.wait(for: 10))
        #expect(lookups.value == 1)
        #expect(ports.current == Array(repeating: 8081, count: 10))

        pool.lookUp(done)
        #expect(answered.wait(for: 11))
        #expect(lookups.value == 2, "a lookup finished is not reused: the next caller looks the name up again")
    }

    @Test func aNameThatCannotBeLookedUp_FailsEveryCallerWaitingForIt() throws {
        let release = Gate()
        let pool = Self.poolOfOne(host: "no-such-host", port: 1) { _, _ in
            _ = release.wait()
            throw HTTPClientError.unreachable("no such host")
        }
        let failures = Tally()
        for _ in 0..<3 {
            pool.lookUp { result in
                if case .failure(.unreachable) = result { failures.increment() }
            }
        }
        release.open()
        #expect(failures.wait(for: 3))
    }
}
