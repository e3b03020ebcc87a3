import Glibc
import HTTP
import TestSupport
import Testing

/// Overload, connection limits and graceful shutdown over the wire.
@Suite struct ServerCapacityTests {
    @Test func aFullWorkerPool_Answers503WithRetryAfter_AtOnce() throws {
        let gate = Gate()
        let entered = Tally()
        let (live, running, queued) = try serverWithAFullWorkerPool(
            routes: wireRoutes(gate: gate, entered: entered), entered: entered)
        defer { live.stop() }
        defer { gate.open() }

        let refused = try live.connect()
        try refused.send(getRequest("/hello"))
        let response = try refused.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Retry-After") == "1")
        #expect(response.errorCode == "overloaded")

        gate.open()
        let runningIntact = matchesPattern(try running.readResponse().body, 0..<100_000)
        #expect(runningIntact)
        let queuedIntact = matchesPattern(try queued.readResponse().body, 0..<100_000)
        #expect(queuedIntact)
        // The refused connection was kept alive and is served once there is room.
        try refused.send(getRequest("/hello"))
        #expect(try refused.readResponse().text == "hello")
    }

    @Test func pastMaxConnections_TheLongestIdleConnectionMakesRoom_AndBusyOnesAreKept() throws {
        var limits = HTTPLimits()
        limits.maxConnections = 2
        // Answered on the one loop, which therefore has marked a connection idle again before it
        // accepts the next one (a worker hands the connection back a moment after the answer).
        let routes = wireRoutes().get("quick", execution: .eventLoop) { _, _ in .text("quick") }
        let live = try LiveServer(routes: routes, limits: limits, eventLoops: 1)
        defer { live.stop() }
        let first = try live.connect()
        let second = try live.connect()
        for connection in [first, second] {
            try connection.send(getRequest("/quick"))
            #expect(try connection.readResponse().status == 200)
        }
        // Both idle: the one idle longest is closed for the newcomer.
        let third = try live.connect()
        try third.send(getRequest("/quick"))
        #expect(try third.readResponse().status == 200)
        #expect(first.waitForClose())
        #expect(first.unreadBytes.isEmpty)
        try second.send(getRequest("/quick"))
        #expect(try second.readResponse().status == 200)
        #expect(live.server.openConnections == 2)

        // Both in the middle of a request: nothing can be closed, so the newcomer is.
        try second.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n")
        try third.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n")
        // The heads are in flight: give the loop a moment to read them.
        usleep(100_000)
        let fourth = try live.connect()
        #expect(fourth.waitForClose())
        #expect(fourth.unreadBytes.isEmpty)
        for connection in [second, third] {
            try connection.send("ok")
            #expect(try connection.readResponse().text == "ok")
        }
    }

    @Test func gracefulShutdown_FinishesInFlightRequests_ClosesIdleOnes_AndRefusesNewOnes() throws {
        let gate = Gate()
        let entered = Tally()
        let live = try LiveServer(routes: wireRoutes(gate: gate, entered: entered), eventLoops: 2)
        defer { live.stop() }
        defer { gate.open() }

        let idle = try live.connect()
        try idle.send(getRequest("/hello"))
        #expect(try idle.readResponse().status == 200)
        let busy = try live.connect()
        try busy.send(getRequest("/block"))
        #expect(entered.wait(for: 1))

        let shutdownDone = Gate()
        let shutdown = ThreadHandle.spawn(name: "test-shutdown") {
            live.server.shutdown(grace: .seconds(20))
            shutdownDone.open()
        }
        defer {
            gate.open()
            shutdown.join()
        }

        #expect(idle.waitForClose())
        #expect(idle.unreadBytes.isEmpty)
        #expect(eventually { Self.connectionIsRefused(port: live.port) })
        // The in-flight request holds up the shutdown.
        #expect(!shutdownDone.wait(timeout: .milliseconds(100)))

        gate.open()
        let response = try busy.readResponse()
        #expect(response.status == 200)
        let busyIntact = matchesPattern(response.body, 0..<100_000)
        #expect(busyIntact)
        #expect(response.closesConnection)
        #expect(busy.waitForClose())
        #expect(shutdownDone.wait(timeout: .seconds(10)))
    }

    static func connectionIsRefused(port: Int) -> Bool {
        do {
            _ = try RawConnection(port: port)
            return false
        } catch {
            return error as? RawConnectionError == .system(call: "connect", errno: ECONNREFUSED)
        }
    }

    @Test func gracefulShutdown_WithNothingOpen_ReturnsPromptly() throws {
        let live = try LiveServer(routes: wireRoutes())
        let connection = try live.connect()
        try connection.send(getRequest("/hello", headers: ["Connection: close"]))
        #expect(try connection.readResponse().status == 200)
        #expect(connection.waitForClose())
        let started = MonotonicClock.now()
        live.stop(grace: .seconds(30))
        // Far below the grace: nothing was left to wait for.
        #expect(MonotonicClock.now() - started < 10_000_000_000)
    }
}
