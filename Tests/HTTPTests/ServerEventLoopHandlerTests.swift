import HTTP
import TestSupport
import Testing

/// Routes marked `.eventLoop` are answered on the loop that read them, with no worker involved,
/// and keep every guarantee of the worker path: order, framing, HEAD, streaming, errors, close.
@Suite struct ServerEventLoopHandlerTests {
    private func routes(gate: Gate = Gate(), entered: Tally = Tally()) -> RouteCollection {
        wireRoutes(gate: gate, entered: entered)
            .get("inline/:n", execution: .eventLoop) { _, context in
                .text("inline " + (try context.parameters.require("n", as: String.self)))
            }
            .get("inline-crash", execution: .eventLoop) { _, _ in throw Boom() }
            .get("inline-stream/:size", execution: .eventLoop) { _, context in
                let size = try context.parameters.require("size", as: Int.self)
                let stream = BodyStream(contentLength: nil) { writer in
                    var offset = 0
                    while offset < size {
                        let end = min(size, offset + 64 * 1024)
                        try writer.write(patternBytes(offset..<end))
                        offset = end
                    }
                }
                return HTTPResponse(body: .stream(stream))
            }
            .get("inline-sized", execution: .eventLoop) { _, _ in
                HTTPResponse(
                    body: .stream(
                        BodyStream(contentLength: 123_456) { writer in try writer.write(patternBytes(0..<123_456)) }))
            }
    }

    /// Runs `body` with a probe connection to a server whose only worker is busy and whose queue
    /// is full; then lets the two held requests finish and checks their answers.
    private func withEveryWorkerBusy(_ body: (_ probe: RawConnection) throws -> Void) throws {
        let gate = Gate()
        let entered = Tally()
        let (live, running, queued) = try serverWithAFullWorkerPool(
            routes: routes(gate: gate, entered: entered), entered: entered)
        defer { live.stop() }
        defer { gate.open() }
        try body(try live.connect())
        gate.open()
        #expect(matchesPattern(try running.readResponse().body, 0..<100_000))
        #expect(matchesPattern(try queued.readResponse().body, 0..<100_000))
    }

    @Test func anEventLoopRoute_IsAnswered_WhileTheOnlyWorkerIsBusyAndItsQueueFull() throws {
        try withEveryWorkerBusy { probe in
            for index in 0..<20 {
                try probe.send(getRequest("/inline/\(index)"))
                let response = try probe.readResponse()
                #expect(response.status == 200)
                #expect(response.text == "inline \(index)")
            }
            // A worker route on the same connection is still refused: the pool really is full.
            try probe.send(getRequest("/hello"))
            #expect(try probe.readResponse().status == 503)
        }
    }

    @Test func pipelinedRequests_MixingLoopAndWorkerRoutes_AreAnsweredInOrder() throws {
        let live = try LiveServer(routes: routes(), eventLoops: 1, workers: 2)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(
            getRequest("/inline/1") + getRequest("/hello") + getRequest("/inline/2")
                + "HEAD /inline/3 HTTP/1.1\r\nHost: test\r\n\r\n" + postRequest("/echo", body: "posted")
                + getRequest("/inline/4")
        )
        #expect(try connection.readResponse().text == "inline 1")
        #expect(try connection.readResponse().text == "hello")
        #expect(try connection.readResponse().text == "inline 2")
        let head = try connection.readResponse(toHead: true)
        #expect(head.status == 200 && head.header("Content-Length") == "8")
        #expect(try connection.readResponse().text == "posted")
        #expect(try connection.readResponse().text == "inline 4")
    }

    @Test func aThousandPipelinedLoopRequests_InOneWrite_AreAllAnsweredInOrder() throws {
        let live = try LiveServer(routes: routes(), eventLoops: 1, workers: 1)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send((0..<1_000).map { getRequest("/inline/\($0)") }.joined())
        for index in 0..<1_000 {
            #expect(try connection.readResponse().text == "inline \(index)")
        }
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func anEventLoopRouteReturningAStream_IsStillStreamedWhole() throws {
        let live = try LiveServer(routes: routes(), eventLoops: 1, workers: 1)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/inline-stream/300000"))
        let response = try connection.readResponse()
        #expect(response.isChunked)
        #expect(matchesPattern(response.body, 0..<300_000))
        try connection.send(getRequest("/inline/after"))
        #expect(try connection.readResponse().text == "inline after")
    }

    @Test func aHEADOfAStreamedLoopAnswer_StatesItsLength_WithoutAWorker() throws {
        try withEveryWorkerBusy { probe in
            for _ in 0..<3 {
                try probe.send("HEAD /inline-sized HTTP/1.1\r\nHost: test\r\n\r\n")
                let head = try probe.readResponse(toHead: true)
                #expect(head.status == 200)
                #expect(head.header("Content-Length") == "123456")
            }
            // Of unknown length, HTTP/1.0: the connection's close would end the body, so it closes.
            try probe.send("HEAD /inline-stream/10 HTTP/1.0\r\n\r\n")
            let closing = try probe.readResponse(toHead: true)
            #expect(closing.status == 200)
            #expect(closing.header("Connection") == "close")
        }
    }

    @Test func anEventLoopRouteThatThrows_GivesTheJSON500_AndTheConnectionStays() throws {
        let live = try LiveServer(routes: routes(), eventLoops: 1, workers: 1)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/inline-crash"))
        let response = try connection.readResponse()
        #expect(response.status == 500)
        #expect(response.errorCode == "internal_error")
        try connection.send(getRequest("/inline/again"))
        #expect(try connection.readResponse().text == "inline again")
    }

    @Test func connectionClose_OnAnEventLoopRoute_ClosesAfterTheAnswer() throws {
        let live = try LiveServer(routes: routes(), eventLoops: 1, workers: 1)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/inline/last", headers: ["Connection: close"]))
        let response = try connection.readResponse()
        #expect(response.text == "inline last")
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
        let old = try live.connect()
        try old.send(getRequest("/inline/1", version: "HTTP/1.0"))
        let answer = try old.readResponse()
        #expect(answer.text == "inline 1")
        #expect(old.waitForClose())
    }
}
