import Foundation
import HTTP
import Testing

// MARK: - Helpers shared by the router tests

/// Calls the router directly, without sockets.
func call(
    _ router: Router, _ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: [UInt8] = []
) -> HTTPResponse {
    var all = headers
    if !body.isEmpty { all.add(name: "Content-Length", value: String(body.count)) }
    return router.respond(
        to: HTTPRequest(method: method, target: target, headers: all, body: body),
        connection: ConnectionInfo(remoteAddress: "127.0.0.1")
    )
}

extension HTTPResponse {
    /// The non-streamed body as text.
    var text: String { String(decoding: bodyBytes ?? [], as: UTF8.self) }

    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bodyBytes ?? []))) as? [String: Any] ?? [:]
    }

    /// The `error` object of the JSON error envelope.
    var envelopeError: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    var errorCode: String? { envelopeError["code"] as? String }
    var errorMessage: String? { envelopeError["message"] as? String }
    var errorDetails: [String: Any] { envelopeError["details"] as? [String: Any] ?? [:] }
}

/// A handler answering with the route pattern and its parameters, e.g. `/items/:id id=42`.
let echoRoute: RouteHandler = { request, context in
    let parameters = ["id", "name", "x", "*"].compactMap { name in context.parameters[name].map { "\(name)=\($0)" } }
    return .text(([context.route] + parameters).joined(separator: " "))
}

/// Matching: literals, parameters, wildcards, percent-decoding, 404 and 405.
@Suite struct RouterMatchingTests {
    static let router = Router(
        routes: RouteCollection()
            .get("items/special", use: echoRoute)
            .get("items/:id", use: echoRoute)
            .delete("items/:id", use: echoRoute)
            .get("a/b/c", use: echoRoute)
            .get("a/:x/d", use: echoRoute)
            .get("files/*", use: echoRoute)
            .post("orders", use: echoRoute)
            .get("/", use: echoRoute)
    )

    @Test func literalSegment_WinsOverAParameter() {
        #expect(call(Self.router, .get, "/items/special").text == "/items/special")
        #expect(call(Self.router, .get, "/items/42").text == "/items/:id id=42")
    }

    @Test func aLiteralThatLeadsNowhere_FallsBackToTheParameter() {
        #expect(call(Self.router, .get, "/a/b/c").text == "/a/b/c")
        #expect(call(Self.router, .get, "/a/b/d").text == "/a/:x/d x=b")
    }

    @Test func trailingWildcard_CapturesTheRestOfThePath() {
        #expect(call(Self.router, .get, "/files/a/b/c.txt").text == "/files/* *=a/b/c.txt")
        #expect(call(Self.router, .get, "/files/one").text == "/files/* *=one")
        #expect(call(Self.router, .get, "/files").text == "/files/* *=")
    }

    @Test func emptySegmentsAndTheRoot_AreNormalised() {
        #expect(call(Self.router, .get, "/").text == "/")
        #expect(call(Self.router, .get, "//items//42/").text == "/items/:id id=42")
    }

    @Test func parameters_ArePercentDecoded() {
        #expect(call(Self.router, .get, "/items/caf%C3%A9").text == "/items/:id id=café")
        #expect(call(Self.router, .get, "/items/a%20b").text == "/items/:id id=a b")
    }

    @Test func anEncodedSlash_StaysInsideItsParameter() {
        let response = call(Self.router, .get, "/items/a%2Fb")
        #expect(response.status == .ok)
        #expect(response.text == "/items/:id id=a/b")
    }

    @Test(arguments: ["/items/%zz", "/items/%4", "/items/%", "/items/%C3%28", "/it%g0ems/1"])
    func badEscapeInThePath_Is400MalformedPath(target: String) {
        let response = call(Self.router, .get, target)
        #expect(response.status == .badRequest)
        #expect(response.errorCode == "malformed_path")
    }

    @Test(arguments: ["/items/1?x=%zz", "/items/1?%=1", "/items/1?a=%C3"])
    func badEscapeInTheQuery_Is400(target: String) {
        let response = call(Self.router, .get, target)
        #expect(response.status == .badRequest)
        #expect(response.errorCode == "malformed_query")
    }

    @Test func unknownPath_Is404WithTheEnvelope() {
        let response = call(Self.router, .get, "/nothing/here")
        #expect(response.status == .notFound)
        #expect(response.errorCode == "not_found")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.headers["Allow"] == nil)
    }

    @Test func knownPathWithAnotherMethod_Is405WithAllow_IncludingHEADForGET() {
        let response = call(Self.router, .post, "/items/7")
        #expect(response.status == .methodNotAllowed)
        #expect(response.errorCode == "method_not_allowed")
        #expect(response.headers["Allow"] == "DELETE, GET, HEAD")
    }

    @Test func pathWithoutGET_DoesNotListHEAD() {
        let response = call(Self.router, .put, "/orders")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "POST")
    }

    @Test func HEAD_FallsBackToTheGETRoute() {
        let response = call(Self.router, .head, "/items/9")
        #expect(response.status == .ok)
        #expect(response.text == "/items/:id id=9")
    }

    @Test func anExplicitHEADRoute_IsUsedAndListedOnce() {
        let router = Router(
            routes: RouteCollection()
                .get("page", use: { _, _ in .text("get") })
                .on(.head, "page", use: { _, _ in .text("head") })
        )
        #expect(call(router, .head, "/page").text == "head")
        #expect(call(router, .post, "/page").headers["Allow"] == "GET, HEAD")
    }

    @Test func absoluteFormTarget_IsRoutedByItsPath() {
        #expect(call(Self.router, .get, "http://shop.example:8080/items/5?x=1").text == "/items/:id id=5")
        #expect(call(Self.router, .get, "http://shop.example").text == "/")
    }

    @Test func theMatchedPattern_IsTheContextRoute_AndUnmatchedOtherwise() {
        let seen = Locked<[String]>([])
        let recorder = Recorder(name: "r", log: seen, routeLog: true)
        let router = Router(routes: RouteCollection().get("items/:id", use: echoRoute), middleware: [recorder])
        _ = call(router, .get, "/items/1")
        _ = call(router, .get, "/nowhere")
        #expect(seen.current == ["route /items/:id", "route unmatched"])
    }
}

/// A middleware that records what passes through it.
struct Recorder: Middleware {
    let name: String
    let log: Locked<[String]>
    var routeLog = false
    var fails: (any Error)? = nil

    func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
        if routeLog {
            log.withLock { $0.append("route \(context.route)") }
            return try next(request, context)
        }
        log.withLock { $0.append("\(name) in") }
        if let fails { throw fails }
        let response = try next(request, context)
        log.withLock { $0.append("\(name) out \(response.status.code)") }
        return response
    }
}
