import Glibc
import HTTP
import TestSupport
import Testing

/// A handler on an event loop forwards to an upstream with `HTTPClient.startOnEventLoop` and
/// answers later (`PendingResponse`): no worker is held meanwhile, middleware sees the final
/// answer through `map`, a call finding the pool full waits for a connection, and every failure
/// (timeout, refusal, a stale pooled connection, a pool that stays full, a client that hangs up)
/// ends in a clear answer without harming other connections.
@Suite struct ServerPendingResponseTests {
    /// The front server's forwarding route: `/up/<rest>` goes to the upstream as `/<rest>`.
    struct Forwarding: Sendable {
        let client: HTTPClient
        let upstream: Upstream
        var bufferLimit = 64 * 1024
        var readTimeout: Duration = .seconds(10)

        func forward(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
            var headers = HTTPHeaders()
            if let key = request.headers["Idempotency-Key"] { headers.add(name: "Idempotency-Key", value: key) }
            let upstreamRequest = HTTPRequest(
                head: HTTPRequestHead(
                    method: request.method, target: String(request.target.dropFirst(3)), headers: headers),
                body: request.body
            )
            let pending = PendingResponse()
            let started = client.startOnEventLoop(
                upstreamRequest, to: upstream, readTimeout: readTimeout, bufferLimit: bufferLimit
            ) { result in
                switch result {
                case .success(.whole(let answer)):
                    pending.succeed(
                        HTTPResponse(status: answer.status, headers: ["X-Answer": "whole"], bytes: answer.body))
                case .success(.streaming(let stream)):
                    let length = stream.head.headers["Content-Length"].flatMap { Int($0) }
                    pending.succeed(
                        HTTPResponse(
                            status: stream.head.status, headers: ["X-Answer": "streamed"],
                            body: .stream(
                                BodyStream(contentLength: length) { writer in
                                    while let piece = try stream.next() { try writer.write(piece) }
                                }
                            )))
                case .failure(let error):
                    pending.fail(Self.httpError(error))
                }
            }
            guard started else {
                throw HTTPError(.internalServerError, code: "not_on_loop", message: "Not on an event loop.")
            }
            return HTTPResponse(pending: pending)
        }

        static func httpError(_ error: HTTPClientError) -> HTTPError {
            switch error {
            case .timeout: return HTTPError(.gatewayTimeout, code: "upstream_timeout", message: "\(error)")
            case .unreachable, .poolExhausted:
                return HTTPError(.serviceUnavailable, code: "unavailable", message: "\(error)")
            default: return HTTPError(.badGateway, code: "bad_upstream", message: "\(error)")
            }
        }
    }

    /// Stamps the status it saw on the way out, as logging and metrics read it.
    struct StatusStamp: Middleware {
        var neverBlocks: Bool { true }
        func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
            try next(request, context).map { response in
                var response = response
                response.headers.add(name: "X-Seen-Status", value: String(response.status.code))
                return response
            }
        }
    }

    static func client(maxConnections: Int = 256, connectTimeout: Duration = .seconds(2)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.maxConnectionsPerUpstream = maxConnections
        configuration.connectTimeout = connectTimeout
        return HTTPClient(configuration: configuration)
    }

    static func upstreamRoutes(gate: Gate, entered: Tally) -> RouteCollection {
        wireRoutes(gate: gate, entered: entered)
            .get("teapot") { _, _ in HTTPResponse(status: HTTPStatus(418), bytes: Array("short and stout".utf8)) }
            .get("held-stream") { _, _ in
                entered.increment()
                gate.wait(timeout: .seconds(30))
                return HTTPResponse(body: .stream(BodyStream { writer in try writer.write(patternBytes(0..<1000)) }))
            }
    }

    static func front(
        _ forwarding: Forwarding, gate: Gate = Gate(), entered: Tally = Tally(), limits: HTTPLimits = HTTPLimits(),
        eventLoops: Int = 1, workers: Int = 2
    ) throws -> LiveServer {
        var routes = wireRoutes(gate: gate, entered: entered)
        for method in [HTTPMethod.get, .head, .post, .put] {
            routes = routes.on(method, "up/*", execution: .eventLoop, use: forwarding.forward)
        }
        return try LiveServer(
            routes: routes, middleware: [StatusStamp()], limits: limits, eventLoops: eventLoops, workers: workers)
    }

    /// An upstream serving the wire routes (`/block` held by `gate`) and a front forwarding
    /// `/up/*` to it; stop the front first.
    static func pair(
        gate: Gate = Gate(), entered: Tally = Tally(), maxConnections: Int = 256,
        connectTimeout: Duration = .seconds(2),
        bufferLimit: Int = 64 * 1024
    ) throws -> (upstream: LiveServer, front: LiveServer) {
        let upstream = try LiveServer(routes: upstreamRoutes(gate: gate, entered: entered))
        var forwarding = Forwarding(
            client: client(maxConnections: maxConnections, connectTimeout: connectTimeout),
            upstream: Upstream(host: "127.0.0.1", port: upstream.server.port)
        )
        forwarding.bufferLimit = bufferLimit
        do {
            return (upstream, try front(forwarding))
        } catch {
            upstream.stop()
            throw error
        }
    }

    @Test func aForwardedRequest_IsAnsweredOnTheLoop_WhileTheOnlyWorkerIsBusyAndItsQueueFull() throws {
        let upstream = try LiveServer(routes: Self.upstreamRoutes(gate: Gate(), entered: Tally()))
        defer { upstream.stop() }
        let forwarding = Forwarding(
            client: Self.client(), upstream: Upstream(host: "127.0.0.1", port: upstream.server.port))
        let gate = Gate()
        let entered = Tally()
        let routes = wireRoutes(gate: gate, entered: entered).get(
            "up/*", execution: .eventLoop, use: forwarding.forward)
        let (live, running, queued) = try serverWithAFullWorkerPool(routes: routes, entered: entered)
        defer { live.stop() }
        defer { gate.open() }

        let probe = try live.connect()
        for index in 0..<10 {
            try probe.send(getRequest("/up/path/\(index)"))
            let response = try probe.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "/path/\(index)")
            #expect(response.header("X-Answer") == "whole")
        }
        try probe.send(getRequest("/hello"))
        #expect(try probe.readResponse().status == 503)
        gate.open()
        #expect(try running.readResponse().status == 200)
        #expect(try queued.readResponse().status == 200)
    }

    @Test func middleware_SeesTheStatusThatArrivesLater_AndTheRouterStampsTheRequestId() throws {
        let (upstream, live) = try Self.pair()
        defer { upstream.stop() }
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/up/teapot", headers: ["X-Request-Id: pending-1"]))
        let teapot = try connection.readResponse()
        #expect(teapot.status == 418)
        #expect(teapot.text == "short and stout")
        #expect(teapot.header("X-Seen-Status") == "418")
        #expect(teapot.header("X-Request-Id") == "pending-1")
        try connection.send(getRequest("/up/nowhere"))
        let missing = try connection.readResponse()
        #expect(missing.status == 404)
        #expect(missing.header("X-Seen-Status") == "404")
    }

    @Test func aFailureArrivingLater_BecomesTheErrorEnvelope_SeenByMiddleware() throws {
        let silent = try SilentListener()
        defer { silent.close() }
        var forwarding = Forwarding(client: Self.client(), upstream: Upstream(host: "127.0.0.1", port: silent.port))
        forwarding.readTimeout = .milliseconds(300)
        let live = try Self.front(forwarding)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/up/hello", headers: ["X-Request-Id: late-1"]))
        let response = try connection.readResponse()
        #expect(response.status == 504)
        #expect(response.header("X-Seen-Status") == "504")
        #expect(response.text.contains("\"code\":\"upstream_timeout\""))
        #expect(response.text.contains("late-1"))
        // The connection stays usable.
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func anUpstreamRefusingConnections_IsAnsweredAt503() throws {
        let silent = try SilentListener()
        let port = silent.port
        silent.close()
        let live = try Self.front(Forwarding(client: Self.client(), upstream: Upstream(host: "127.0.0.1", port: port)))
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<3 {
            try connection.send(getRequest("/up/hello"))
            #expect(try connection.readResponse().status == 503)
        }
    }

    @Test func largeAndChunkedBodies_ArePassedThroughAsStreams_SmallOnesWhole() throws {
        let (upstream, live) = try Self.pair()
        defer { upstream.stop() }
        defer { live.stop() }
        let connection = try live.connect()
        for (target, size, kind) in [
            ("/up/stream/1000000", 1_000_000, "streamed"),
            ("/up/stream/300000?length=known", 300_000, "streamed"),
            ("/up/stream/60000?length=known", 60_000, "whole"),
            ("/up/stream/0?length=known", 0, "whole"),
        ] {
            try connection.send(getRequest(target))
            let response = try connection.readResponse()
            #expect(response.status == 200, "\(target)")
            #expect(response.header("X-Answer") == kind, "\(target)")
            let intact = matchesPattern(response.body, 0..<size)
            #expect(intact, "\(target)")
        }
        try connection.send("HEAD /up/stream/300000?length=known HTTP/1.1\r\nHost: test\r\n\r\n")
        let head = try connection.readResponse(toHead: true)
        #expect(head.status == 200)
        try connection.send(getRequest("/up/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func pipelinedRequests_BehindAPendingAnswer_AreAnsweredInOrder() throws {
        let (upstream, live) = try Self.pair()
        defer { upstream.stop() }
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(
            getRequest("/up/path/1") + getRequest("/hello") + postRequest("/up/echo", body: "posted")
                + getRequest("/up/path/2")
        )
        #expect(try connection.readResponse().text == "/path/1")
        #expect(try connection.readResponse().text == "hello")
        #expect(try connection.readResponse().text == "posted")
        #expect(try connection.readResponse().text == "/path/2")
    }

    @Test func aClientHangingUpWhileItsAnswerIsPending_LeavesTheServerServing() throws {
        let upstreamGate = Gate()
        let upstreamEntered = Tally()
        let (upstream, live) = try Self.pair(gate: upstreamGate, entered: upstreamEntered)
        defer { upstream.stop() }
        defer { upstreamGate.open() }
        defer { live.stop() }
        let leaving = try live.connect()
        try leaving.send(getRequest("/up/block"))
        #expect(upstreamEntered.wait(for: 1))
        leaving.close()
        upstreamGate.open()
        // The answer goes nowhere, and the connection is closed once the server finds it gone.
        #expect(eventually { live.server.openConnections == 0 })
        let next = try live.connect()
        for index in 0..<5 {
            try next.send(getRequest("/up/path/\(index)"))
            #expect(try next.readResponse().text == "/path/\(index)")
        }
    }

    /// A front whose pool has one connection, held by a call to `/up/block` (a 100,000-byte
    /// answer once `gate` opens), for `body` to try more calls meanwhile.
    static func withThePoolsOnlyConnectionHeld(
        connectTimeout: Duration, _ body: (_ live: LiveServer, _ holding: RawConnection, _ gate: Gate) throws -> Void
    ) throws {
        let gate = Gate()
        let entered = Tally()
        let (upstream, live) = try pair(
            gate: gate, entered: entered, maxConnections: 1, connectTimeout: connectTimeout, bufferLimit: 256 * 1024
        )
        defer { upstream.stop() }
        defer { gate.open() }
        defer { live.stop() }
        let holding = try live.connect()
        try holding.send(getRequest("/up/block"))
        #expect(entered.wait(for: 1))
        try body(live, holding, gate)
    }

    @Test func callsFindingThePoolFull_WaitForItsConnection_AndAreAnsweredInTurnWhenItComesBack() throws {
        try Self.withThePoolsOnlyConnectionHeld(connectTimeout: .seconds(20)) { live, holding, upstreamGate in
            let waiting = try (0..<3).map { index in
                let connection = try live.connect()
                try connection.send(getRequest("/up/path/\(index)"))
                return connection
            }
            // None of them is answered while the only connection is held.
            #expect(throws: (any Error).self) { try waiting[0].readResponse(timeout: .milliseconds(300)) }
            upstreamGate.open()
            let held = try holding.readResponse()
            #expect(held.header("X-Answer") == "whole")
            #expect(matchesPattern(held.body, 0..<100_000))
            for (index, connection) in waiting.enumerated() {
                let answer = try connection.readResponse()
                #expect(answer.status == 200)
                #expect(answer.text == "/path/\(index)")
            }
        }
    }

    @Test func aCallWaitingForThePoolLongerThanTheConnectTimeout_IsAnsweredAt503_AndTheConnectionIsNotLost() throws {
        try Self.withThePoolsOnlyConnectionHeld(connectTimeout: .milliseconds(300)) { live, holding, upstreamGate in
            let refused = try live.connect()
            try refused.send(getRequest("/up/hello"))
            let refusal = try refused.readResponse()
            #expect(refusal.status == 503)
            #expect(refusal.header("X-Seen-Status") == "503")
            upstreamGate.open()
            #expect(matchesPattern(try holding.readResponse().body, 0..<100_000))
            // The connection went back to the pool, and the given-up waiter is not woken for it.
            try refused.send(getRequest("/up/hello"))
            #expect(try refused.readResponse().text == "hello")
        }
    }

    @Test func aStreamedAnswerDroppedBecauseItsClientLeft_GivesItsConnectionBackToThePool() throws {
        let upstreamGate = Gate()
        let upstreamEntered = Tally()
        let (upstream, live) = try Self.pair(gate: upstreamGate, entered: upstreamEntered, maxConnections: 1)
        defer { upstream.stop() }
        defer { upstreamGate.open() }
        defer { live.stop() }
        let leaving = try live.connect()
        try leaving.send(getRequest("/up/held-stream"))
        #expect(upstreamEntered.wait(for: 1))
        leaving.close()
        upstreamGate.open()
        #expect(eventually { live.server.openConnections == 0 })
        // The pool's only connection is free again, not lost with the dropped answer.
        let next = try live.connect()
        try next.send(getRequest("/up/hello"))
        #expect(try next.readResponse().text == "hello")
    }

    @Test func aStaleIdleConnection_IsRetriedForAGET_ButNotForAPOSTThatWentOut() throws {
        let scripted = try HTTPClientRetryTests.droppingReusedConnections()
        defer { scripted.stop() }
        let live = try Self.front(Forwarding(client: Self.client(), upstream: HTTPClientRetryTests.upstream(scripted)))
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/up/a"))
        #expect(try connection.readResponse().text == "fresh 0")
        try connection.send(getRequest("/up/b"))
        #expect(try connection.readResponse().text == "fresh 1")
        #expect(scripted.requests.map(\.connection) == [0, 0, 1])

        try connection.send(postRequest("/up/orders", body: "{}"))
        #expect(try connection.readResponse().status == 503)
        #expect(scripted.requests.filter { $0.text.hasPrefix("POST") }.count == 1)

        try connection.send(postRequest("/up/orders", body: "{}", headers: ["Idempotency-Key: k-1"]))
        // A fresh connection answers the POST; the earlier one was dropped with the failure.
        let keyed = try connection.readResponse()
        #expect(keyed.status == 200)
    }

    @Test func anUpstreamNamedByHostName_IsLookedUpOffTheLoop_AndItsConnectionReused() throws {
        let upstream = try LiveServer(routes: Self.upstreamRoutes(gate: Gate(), entered: Tally()))
        defer { upstream.stop() }
        let live = try Self.front(
            Forwarding(client: Self.client(), upstream: Upstream(host: "localhost", port: upstream.server.port)))
        defer { live.stop() }
        let connection = try live.connect()
        for index in 0..<3 {
            try connection.send(getRequest("/up/path/\(index)"))
            #expect(try connection.readResponse().text == "/path/\(index)")
        }
        #expect(upstream.server.openConnections == 1)
    }

    @Test func aBurstOfCallsToANamedUpstreamThatRefuses_IsAnswered503Each_AndTheNextCallGetsThroughOnceItListens()
        throws
    {
        let listener = try SilentListener()
        let port = listener.port
        listener.close()
        let live = try Self.front(Forwarding(client: Self.client(), upstream: Upstream(host: "localhost", port: port)))
        defer { live.stop() }
        let callers = try (0..<40).map { _ in try live.connect() }
        for caller in callers { try caller.send(getRequest("/up/hello")) }
        for caller in callers { #expect(try caller.readResponse().status == 503) }
        // Nothing is left waiting on the refused address: the same name is looked up again.
        let upstream = try LiveServer(routes: Self.upstreamRoutes(gate: Gate(), entered: Tally()), port: port)
        defer { upstream.stop() }
        try callers[0].send(getRequest("/up/hello"))
        #expect(try callers[0].readResponse().text == "hello")
    }

    @Test func offTheEventLoop_NothingStarts() {
        let client = Self.client()
        let started = client.startOnEventLoop(
            HTTPRequest(method: .get, target: "/"), to: Upstream(host: "127.0.0.1", port: 9), bufferLimit: 1024
        ) { _ in Issue.record("completion must not run") }
        #expect(!started)
    }
}

/// A listening socket that never accepts: connections complete in the kernel's backlog and then
/// hear nothing, or, once closed, its port refuses connections.
final class SilentListener: @unchecked Sendable {
    // Safe: set in `init`; `close` is called once, by the test.
    let fd: Int32
    let port: Int

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard let port = FreePorts.bindLoopback(fd, listening: 16) else {
            Glibc.close(fd)
            throw ScriptedUpstreamError.cannotListen
        }
        self.port = port
    }

    func close() { Glibc.close(fd) }
}
