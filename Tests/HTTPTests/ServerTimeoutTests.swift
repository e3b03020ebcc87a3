import Glibc
import HTTP
import TestSupport
import Testing

/// Timeouts over the wire with tiny limits. The loop checks its timers every 200 ms, so each
/// test allows generous slack and only proves that the connection did not hang.
@Suite struct ServerTimeoutTests {
    static func limits(
        header: Duration = .seconds(30), body: Duration = .seconds(30), idle: Duration = .seconds(30),
        write: Duration = .seconds(30)
    ) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.headerTimeout = header
        limits.bodyProgressTimeout = body
        limits.idleTimeout = idle
        limits.writeTimeout = write
        return limits
    }

    @Test func anUnfinishedHead_Gets408_ThenTheConnectionCloses() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(header: .milliseconds(300)))
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("GET /hello HTTP/1.1\r\nHo")
        let response = try connection.readResponse()
        #expect(response.status == 408)
        #expect(response.errorCode == "request_timeout")
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
    }

    @Test func aTrickledHead_Gets408_ThoughEveryByteCameInTime() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(header: .milliseconds(300)))
        defer { live.stop() }
        let connection = try live.connect()
        let wire = Array(("GET /hello HTTP/1.1\r\nHost: test\r\nX-Padding: " + String(repeating: "p", count: 200)).utf8)
        var sent = 0
        // One byte every 50 ms: far more often than the timeout, yet the head never completes.
        while sent < wire.count {
            guard (try? connection.send([wire[sent]])) != nil else { break }
            sent += 1
            if !connection.receivesNothing(for: .milliseconds(50)) { break }
        }
        #expect(sent < wire.count, "the server waited for the whole trickled head")
        let response = try connection.readResponse()
        #expect(response.status == 408)
        #expect(connection.waitForClose())
    }

    @Test func aStalledBody_Gets408() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(body: .milliseconds(300)))
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc")
        let response = try connection.readResponse()
        #expect(response.status == 408)
        #expect(connection.waitForClose())
    }

    @Test func aSlowButSteadyBody_IsAccepted_WhileItKeepsTheMinimumRate() throws {
        // Each piece arrives well within the progress timeout; the whole body takes longer than it,
        // and less than the progress timeout plus 12 bytes at 4 bytes/s.
        var limits = Self.limits(body: .milliseconds(1_500))
        limits.minBodyBytesPerSecond = 4
        let live = try LiveServer(routes: wireRoutes(), limits: limits)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 12\r\n\r\n")
        for byte in Array("abcdefghijkl".utf8) {
            #expect(connection.receivesNothing(for: .milliseconds(250)))
            try connection.send([byte])
        }
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "abcdefghijkl")
    }

    @Test func aBodyTrickledWithinTheProgressTimeout_Gets408_OnceItFallsBelowTheMinimumRate() throws {
        // A byte every 700 ms never trips the 1.5 s progress timer; 20 bytes at 8 bytes/s plus that
        // timer allow 4 s, and at this pace the body would need 14 s.
        var limits = Self.limits(body: .milliseconds(1_500))
        limits.minBodyBytesPerSecond = 8
        let live = try LiveServer(routes: wireRoutes(), limits: limits)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 20\r\n\r\n")
        let started = MonotonicClock.now()
        var sent = 0
        while sent < 20, connection.receivesNothing(for: .milliseconds(700)) {
            guard (try? connection.send("x")) != nil else { break }
            sent += 1
        }
        #expect(sent < 20, "the server waited for the whole trickled body")
        let response = try connection.readResponse()
        #expect(response.status == 408)
        let seconds = Double(MonotonicClock.now() &- started) / 1e9
        #expect(seconds >= 3.5 && seconds < 6)
    }

    @Test func anIdleKeepAliveConnection_IsClosedSilently() throws {
        let live = try LiveServer(routes: wireRoutes(), limits: Self.limits(idle: .milliseconds(300)))
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().status == 200)
        #expect(connection.waitForClose())
        #expect(connection.unreadBytes.isEmpty)
        #expect(eventually { live.server.openConnections == 0 })
    }

    @Test func aNeverUsedConnection_IsClosedSilentlyAfterTheHeaderTimeout_NotTheLongerIdleOne() throws {
        let live = try LiveServer(
            routes: wireRoutes(), limits: Self.limits(header: .milliseconds(300), idle: .seconds(60)))
        defer { live.stop() }
        let connection = try live.connect()
        #expect(connection.waitForClose(timeout: .seconds(5)))
        #expect(connection.unreadBytes.isEmpty)
    }

    @Test func aClientThatStopsReading_IsCutAfterTheWriteTimeout_AndTheServerStaysHealthy() throws {
        let produced = Locked<(bytes: Int, error: String?)>((0, nil))
        let finished = Gate()
        let routes = wireRoutes().get("endless") { _, _ in
            HTTPResponse(
                body: .stream(
                    BodyStream { writer in
                        defer { finished.open() }
                        let piece = [UInt8](repeating: 0x78, count: 64 * 1024)
                        // Bounded so a server that never gives up fails the test instead of hanging it.
                        while produced.current.bytes < 2_000_000_000 {
                            do {
                                try writer.write(piece)
                            } catch {
                                produced.withLock { $0.error = String(describing: error) }
                                throw error
                            }
                            produced.withLock { $0.bytes += piece.count }
                        }
                    }))
        }
        let live = try LiveServer(routes: routes, limits: Self.limits(write: .milliseconds(500)))
        defer { live.stop() }
        let stalled = try live.connect()
        try stalled.send(getRequest("/endless"))
        #expect(finished.wait(timeout: .seconds(20)))
        #expect(produced.current.error != nil)
        #expect(produced.current.bytes < 100_000_000)
        #expect(eventually { live.streamFailures.all.count == 1 })
        #expect(stalled.waitForClose(timeout: .seconds(30)))
        // Other clients never noticed.
        let other = try live.connect()
        try other.send(getRequest("/hello"))
        #expect(try other.readResponse().text == "hello")
        #expect(eventually { live.server.openConnections == 1 })
    }
}
