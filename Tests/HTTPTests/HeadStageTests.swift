import HTTP
import TestSupport
import Testing

/// Layers that decide from a request's head: a caller refused there is answered before its body
/// is read, and the route's large body limit applies only to callers it admits.
@Suite struct HeadStageTests {
    /// The identity the test's key layer gives a caller: the router carries it without knowing it.
    struct KeyHolder: RequestIdentity {
        let name: String
    }

    /// Admits a request carrying `X-Key: right` as the holder of `key`; refuses the rest with 401.
    struct RequireKey: HeadMiddleware {
        let inspected: Tally
        var neverBlocks: Bool { true }

        func inspect(_ head: HTTPRequestHead, context: inout RequestContext) throws -> HeadDecision {
            inspected.increment()
            if head.rawPath == "/early" { return .answer(.text("early")) }
            guard head.headers["X-Key"] == "right" else { throw HTTPError.unauthorized() }
            context.identity = KeyHolder(name: "key")
            return .proceed
        }
    }

    /// Marks every answer that passes through it, so a test sees the outer layers ran.
    struct Outer: Middleware {
        var neverBlocks: Bool { true }

        func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
            try next(request, context).map { response in
                var response = response
                response.headers.add(name: "X-Outer", value: (context.identity as? KeyHolder)?.name ?? "anonymous")
                return response
            }
        }
    }

    /// Counts the requests that reach it: nothing inside a refusing layer runs.
    struct Inner: Middleware {
        let reached: Tally

        func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
            reached.increment()
            return try next(request, context)
        }
    }

    static func server(inspected: Tally = Tally(), reached: Tally = Tally()) throws -> LiveServer {
        let routes = RouteCollection()
            .post("upload", bodyLimit: 8 << 20) { request, context in
                .text("\(request.body.count) bytes from \((context.identity as? KeyHolder)?.name ?? "nobody")")
            }
            .get("early") { _, _ in .text("late") }
        return try LiveServer(
            routes: routes, middleware: [Outer(), RequireKey(inspected: inspected), Inner(reached: reached)])
    }

    static func upload(length: Int, headers: [String] = []) -> String {
        "POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: \(length)\r\n" + headers.map { $0 + "\r\n" }.joined()
            + "\r\n"
    }

    @Test func aCallerRefusedFromTheHead_Gets401AtOnce_WithoutTheServerWaitingForTheBody() throws {
        let reached = Tally()
        let live = try Self.server(reached: reached)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(Self.upload(length: 8 << 20) + String(repeating: "x", count: 1000))
        let response = try connection.readResponse(timeout: .seconds(2))
        #expect(response.status == 401)
        #expect(response.header("X-Outer") == "anonymous")
        // The body was never read, so the connection cannot carry another request.
        #expect(response.closesConnection)
        connection.shutdownWrite()
        #expect(connection.waitForClose())
        #expect(reached.value == 0)
    }

    @Test func aCallerRefusedFromTheHead_GetsNo100Continue() throws {
        let live = try Self.server()
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(Self.upload(length: 8 << 20, headers: ["Expect: 100-continue"]))
        let response = try connection.readResponse(timeout: .seconds(2))
        #expect(response.status == 401)
        #expect(response.closesConnection)
    }

    @Test func anAdmittedCaller_MaySendTheRoutesLargeBody_AndTheHeadIsInspectedOnce() throws {
        let inspected = Tally()
        let live = try Self.server(inspected: inspected)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(Self.upload(length: 3 << 20, headers: ["X-Key: right"]))
        try connection.send([UInt8](repeating: 120, count: 3 << 20))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "\(3 << 20) bytes from key")
        #expect(response.header("X-Outer") == "key")
        #expect(!response.closesConnection)
        #expect(inspected.value == 1)
    }

    @Test func aRefusedRequestWithoutABody_KeepsTheConnectionOpen() throws {
        let live = try Self.server()
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(Self.upload(length: 0))
        let refused = try connection.readResponse()
        #expect(refused.status == 401)
        #expect(!refused.closesConnection)
        try connection.send(Self.upload(length: 2, headers: ["X-Key: right"]) + "ok")
        #expect(try connection.readResponse().text == "2 bytes from key")
    }

    @Test func aHeadLayersOwnAnswer_PassesThroughTheOuterLayers_AndNothingInsideRuns() {
        let reached = Tally()
        let router = Router(
            routes: RouteCollection().get("early") { _, _ in .text("late") },
            middleware: [Outer(), RequireKey(inspected: Tally()), Inner(reached: reached)])
        let response = router.respond(
            to: HTTPRequest(method: .get, target: "/early"), connection: ConnectionInfo(remoteAddress: "127.0.0.1"))
        #expect(response.bodyBytes.map { String(decoding: $0, as: UTF8.self) } == "early")
        #expect(response.headers["X-Outer"] == "anonymous")
        #expect(reached.value == 0)
    }
}
