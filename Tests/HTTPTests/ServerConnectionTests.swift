import HTTP
import TestSupport
import Testing

/// The server over loopback: keep-alive, pipelining, versions, 100-continue and HEAD, checked on
/// the raw bytes.
@Suite struct ServerConnectionTests {
    @Test func keepAlive_ServesManyRequestsOnOneConnection() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<5 {
            try connection.send(getRequest("/hello"))
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "hello")
            #expect(response.header("Content-Length") == "5")
            #expect(!response.closesConnection)
        }
        #expect(live.server.openConnections == 1)
    }

    @Test func pipelinedRequests_InOneWrite_AreAnsweredInOrder() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        var wire = ""
        for index in 0..<10 {
            wire += index == 5 ? postRequest("/echo", body: "body-5") : getRequest("/path/\(index)")
        }
        try connection.send(wire)
        for index in 0..<10 {
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.text == (index == 5 ? "body-5" : "/path/\(index)"))
        }
        #expect(connection.receivesNothing(for: .milliseconds(50)))
    }

    @Test func pipelinedRequests_SplitAcrossWrites_AreAnsweredInOrder() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        let wire = Array((0..<6).map { getRequest("/path/\($0)") }.joined().utf8)
        // Cuts that fall inside request lines, fields and the blank line.
        var offset = 0
        for size in [3, 17, 40, 1, 90, 5, 200, 1000] where offset < wire.count {
            let end = min(wire.count, offset + size)
            try connection.send(Array(wire[offset..<end]))
            offset = end
        }
        for index in 0..<6 {
            #expect(try connection.readResponse().text == "/path/\(index)")
        }
    }

    @Test func http10_ClosesByDefault() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/hello", version: "HTTP/1.0"))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
    }

    @Test func http10_WithConnectionKeepAlive_StaysOpen() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<3 {
            try connection.send(getRequest("/hello", version: "HTTP/1.0", headers: ["Connection: keep-alive"]))
            let response = try connection.readResponse()
            #expect(response.text == "hello")
            #expect(response.header("Connection")?.lowercased() == "keep-alive")
        }
        try connection.send(getRequest("/hello", version: "HTTP/1.0"))
        #expect(try connection.readResponse().closesConnection)
        #expect(connection.waitForClose())
    }

    @Test func http10_StreamedBodyWithoutLength_IsDelimitedByTheClose() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/stream/300000", version: "HTTP/1.0", headers: ["Connection: keep-alive"]))
        let response = try connection.readResponse(timeout: .seconds(10))
        #expect(!response.isChunked)
        #expect(response.header("Content-Length") == nil)
        let bodyIntact = matchesPattern(response.body, 0..<300_000)
        #expect(bodyIntact)
        #expect(connection.peerClosed)
    }

    @Test func connectionClose_IsHonoured() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/hello", headers: ["Connection: close"]))
        let response = try connection.readResponse()
        #expect(response.text == "hello")
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
    }

    @Test func aHalfClosedClient_StillGetsItsAnswer() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/hello"))
        connection.shutdownWrite()
        let response = try connection.readResponse()
        #expect(response.text == "hello")
        #expect(connection.waitForClose())
    }

    @Test func expect100Continue_GetsContinueBeforeTheBodyIsSent_ThenTheResponse() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n")
        let interim = try connection.readResponse()
        #expect(interim.status == 100)
        #expect(connection.unreadBytes.isEmpty)
        try connection.send("hello world")
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello world")
        // The connection goes on as usual, and a request without Expect gets no 100.
        try connection.send(postRequest("/echo", body: "again"))
        let next = try connection.readResponse()
        #expect(next.status == 200 && next.text == "again")
    }

    @Test func expect100Continue_OnATooLargeBody_Gets413WithoutContinue() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 1_000
        let live = try LiveServer(routes: wireRoutes(), limits: limits)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
    }

    @Test func routeBodyLimit_AllowsMoreThanTheDefault_OverTheWire() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 1_000
        let routes = RouteCollection()
            .post("big", bodyLimit: 100_000) { request, _ in .text("\(request.body.count)") }
            .post("small") { request, _ in .text("\(request.body.count)") }
        let live = try LiveServer(routes: routes, limits: limits)
        defer { live.stop() }
        let body = String(repeating: "b", count: 50_000)
        let big = try live.connect()
        try big.send(postRequest("/big", body: body))
        #expect(try big.readResponse().text == "50000")
        let small = try live.connect()
        try small.send("POST /small HTTP/1.1\r\nHost: test\r\nContent-Length: 50000\r\n\r\n")
        #expect(try small.readResponse().status == 413)
    }

    @Test func HEAD_HasTheHeaders_ButNoBody() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n")
        let head = try connection.readResponse(toHead: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "5")
        // Had a body followed, it would now be read as the start of the next response.
        try connection.send(getRequest("/hello"))
        let next = try connection.readResponse()
        #expect(next.status == 200 && next.text == "hello")
    }

    @Test func HEAD_OnAStreamedRoute_SendsNoBodyEither() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send("HEAD /stream/100000?length=known HTTP/1.1\r\nHost: test\r\n\r\n")
        let head = try connection.readResponse(toHead: true)
        #expect(head.header("Content-Length") == "100000")
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }
}
