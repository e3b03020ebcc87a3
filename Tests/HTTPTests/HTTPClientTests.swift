import Glibc
import HTTP
import TestSupport
import Testing

/// The client against a live server: pooling, framing, streaming, timeouts and errors.
@Suite struct HTTPClientTests {
    static func client(
        readTimeout: Duration = .seconds(10), connectTimeout: Duration = .seconds(10), maxConnections: Int = 256
    ) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.readTimeout = readTimeout
        configuration.connectTimeout = connectTimeout
        configuration.maxConnectionsPerUpstream = maxConnections
        return HTTPClient(configuration: configuration)
    }

    static func get(_ target: String) -> HTTPRequest { HTTPRequest(method: .get, target: target) }

    @Test func sequentialRequests_ReuseOnePooledConnection() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        for index in 0..<10 {
            let response = try client.send(Self.get("/path/\(index)"), to: live.upstream)
            #expect(response.status == .ok)
            #expect(String(decoding: response.body, as: UTF8.self) == "/path/\(index)")
            #expect(live.server.openConnections == 1)
        }
        client.closeIdleConnections()
        #expect(eventually { live.server.openConnections == 0 })
    }

    @Test func chunkedAndContentLengthBodies_AreReadWhole() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        let chunked = try client.send(Self.get("/stream/300001"), to: live.upstream)
        #expect(chunked.headers["Transfer-Encoding"] == "chunked")
        let chunkedIntact = matchesPattern(chunked.body, 0..<300_001)
        #expect(chunkedIntact)
        let sized = try client.send(Self.get("/stream/300001?length=known"), to: live.upstream)
        #expect(sized.headers["Content-Length"] == "300001")
        let sizedIntact = matchesPattern(sized.body, 0..<300_001)
        #expect(sizedIntact)
        let empty = try client.send(Self.get("/stream/0"), to: live.upstream)
        #expect(empty.body.isEmpty)
        #expect(live.server.openConnections == 1)
    }

    @Test func postBodies_AndHEAD_AreFramedRight() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        let body = patternBytes(0..<70_000)
        let echoed = try client.send(HTTPRequest(method: .post, target: "/echo", body: body), to: live.upstream)
        let echoedIntact = echoed.body == body
        #expect(echoedIntact)
        let emptyPost = try client.send(HTTPRequest(method: .post, target: "/echo"), to: live.upstream)
        #expect(emptyPost.status == .ok && emptyPost.body.isEmpty)
        let head = try client.send(HTTPRequest(method: .head, target: "/hello"), to: live.upstream)
        #expect(head.headers["Content-Length"] == "5")
        #expect(head.body.isEmpty)
        // The HEAD answer's missing body did not confuse the next response on the connection.
        #expect(try client.send(Self.get("/hello"), to: live.upstream).body == Array("hello".utf8))
        #expect(live.server.openConnections == 1)
    }

    @Test func stream_HandsOverTheBodyInPieces_ThenPoolsTheConnection() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        let size = 2 * 1024 * 1024
        let stream = try client.stream(Self.get("/stream/\(size)"), to: live.upstream)
        #expect(stream.head.status == .ok)
        var pieces = 0
        var body: [UInt8] = []
        while let piece = try stream.next() {
            pieces += 1
            body.append(contentsOf: piece)
        }
        #expect(pieces > 1)
        let streamedIntact = matchesPattern(body, 0..<size)
        #expect(streamedIntact)
        #expect(try stream.next() == nil)
        _ = try client.send(Self.get("/hello"), to: live.upstream)
        #expect(live.server.openConnections == 1)
    }

    @Test func cancellingAStream_ClosesItsConnection() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        let stream = try client.stream(Self.get("/stream/5000000"), to: live.upstream)
        _ = try stream.next()
        stream.cancel()
        #expect(eventually { live.server.openConnections == 0 })
        #expect(try client.send(Self.get("/hello"), to: live.upstream).status == .ok)
    }

    @Test func aSlowUpstream_IsATimeout() throws {
        let gate = Gate()
        let live = try LiveServer(routes: wireRoutes(gate: gate))
        defer { live.stop() }
        defer { gate.open() }
        let client = Self.client()
        #expect(throws: HTTPClientError.timeout) {
            try client.send(Self.get("/block"), to: live.upstream, readTimeout: .milliseconds(200))
        }
        gate.open()
        #expect(try client.send(Self.get("/hello"), to: live.upstream).status == .ok)
    }

    @Test func aClosedPort_IsUnreachable_WithoutWaitingForTheTimeout() throws {
        // A bound socket that does not listen: connecting to its port is refused.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        let port = try #require(FreePorts.bindLoopback(fd))
        let upstream = Upstream(host: "127.0.0.1", port: port)
        let client = Self.client(connectTimeout: .seconds(30))
        let started = MonotonicClock.now()
        let error = #expect(throws: HTTPClientError.self) {
            try client.send(Self.get("/"), to: upstream)
        }
        #expect(error?.isUnreachable == true)
        #expect(MonotonicClock.now() - started < 10_000_000_000)
    }

    @Test func aConnectionTheServerClosedWhileIdle_IsNotReused_AndTheNextGETSucceeds() throws {
        var limits = HTTPLimits()
        limits.idleTimeout = .milliseconds(300)
        let live = try LiveServer(routes: wireRoutes(), limits: limits)
        defer { live.stop() }
        let client = Self.client()
        #expect(try client.send(Self.get("/hello"), to: live.upstream).status == .ok)
        #expect(eventually { live.server.openConnections == 0 })
        #expect(try client.send(Self.get("/hello"), to: live.upstream).status == .ok)
        #expect(try client.send(HTTPRequest(method: .post, target: "/echo", body: [1]), to: live.upstream).body == [1])
    }

    @Test func aResponseOverTheCallersLimit_IsResponseTooLarge() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let client = Self.client()
        #expect(throws: HTTPClientError.responseTooLarge) {
            try client.send(Self.get("/stream/100000"), to: live.upstream, maxResponseBytes: 99_999)
        }
        #expect(
            try client.send(Self.get("/stream/100000"), to: live.upstream, maxResponseBytes: 100_000).body.count
                == 100_000)
    }

    @Test func thePool_NeverOpensMoreThanItsBound() throws {
        let gate = Gate()
        let entered = Tally()
        let inHandler = Locked((now: 0, most: 0))
        let routes = RouteCollection().get("slow") { _, _ in
            inHandler.withLock {
                $0.now += 1; $0.most = max($0.most, $0.now)
            }
            entered.increment()
            gate.wait(timeout: .seconds(20))
            inHandler.withLock { $0.now -= 1 }
            return .text("done")
        }
        let live = try LiveServer(routes: routes, workers: 8)
        defer { live.stop() }
        defer { gate.open() }
        let client = Self.client(maxConnections: 2)
        let statuses = Locked<[Int]>([])
        let callers = (0..<5).map { index in
            ThreadHandle.spawn(name: "test-caller-\(index)") {
                let status = (try? client.send(Self.get("/slow"), to: live.upstream))?.status.code ?? -1
                statuses.withLock { $0.append(status) }
            }
        }
        #expect(entered.wait(for: 2))
        // The other three wait for a pooled connection instead of opening their own.
        #expect(!entered.wait(for: 3, timeout: .milliseconds(300)))
        #expect(live.server.openConnections == 2)
        gate.open()
        for caller in callers { caller.join() }
        #expect(statuses.current == [200, 200, 200, 200, 200])
        #expect(inHandler.current.most == 2)
        #expect(live.server.openConnections <= 2)
    }
}
