import Foundation
import HTTP
import Testing

/// A domain error with every kind of detail.
struct OutOfStock: HTTPResponseError {
    var status: HTTPStatus { .conflict }
    var code: String { "out_of_stock" }
    var message: String { "The item \"X\" is out of stock." }
    var details: [String: ErrorDetail] {
        [
            "sku": .string("X-1"), "available": .int(0), "backorder": .bool(false),
            "alternatives": .strings(["X-2", "X-3"]),
        ]
    }
    var headers: HTTPHeaders { ["Retry-After": "3600"] }
}

struct Order: Decodable {
    struct Item: Decodable {
        var sku: String
        var quantity: Int
    }
    struct Customer: Decodable {
        var name: String
    }
    var customer: Customer
    var items: [Item]
}

struct Boom: Error, CustomStringConvertible {
    var description: String { "secret database path /var/lib/x.sqlite" }
}

/// Query strings, typed parameters, middleware, errors and request ids.
@Suite struct RouterHandlingTests {
    // MARK: - Query and parameters

    @Test func query_KeepsRepeatedKeysInOrder_AndReadsPlusAsSpace() throws {
        let seen = Locked<[String]>([])
        let router = Router(
            routes: RouteCollection().get("search") { _, context in
                seen.withLock {
                    $0 = context.query.values("tag") + [context.query["q"] ?? "-", context.query["flag"] ?? "-"]
                }
                return .text("ok")
            })
        _ = call(router, .get, "/search?tag=a&tag=b+c&q=caf%C3%A9+au+lait&tag=d%20e&flag&&tag=%2B")
        #expect(seen.current == ["a", "b c", "d e", "+", "café au lait", ""])
    }

    @Test func typedPathParameter_OfTheWrongType_Is400NamingTheParameter() {
        let router = Router(
            routes: RouteCollection().get("customers/:customerId") { _, context in
                let id = try context.parameters.require("customerId", as: Int64.self)
                return .text("customer \(id)")
            })
        #expect(call(router, .get, "/customers/42").text == "customer 42")
        for bad in ["abc", "4.2", "99999999999999999999", "%2D", "1e3"] {
            let response = call(router, .get, "/customers/\(bad)")
            #expect(response.status == .badRequest, "\(bad)")
            #expect(response.errorCode == "invalid_parameter")
            #expect(response.errorDetails["parameter"] as? String == "customerId")
            #expect(response.errorMessage?.contains("'customerId'") == true)
        }
    }

    @Test func typedQueryParameters_MissingOrUnreadable_Are400() {
        let router = Router(
            routes: RouteCollection().get("list") { _, context in
                let limit = try context.query.require("limit", as: Int.self)
                let archived = try context.query.get("archived", as: Bool.self) ?? false
                return .text("\(limit) \(archived)")
            })
        #expect(call(router, .get, "/list?limit=5&archived=yes").text == "5 true")
        #expect(call(router, .get, "/list?limit=5").text == "5 false")
        let missing = call(router, .get, "/list")
        #expect(missing.status == .badRequest)
        #expect(missing.errorDetails["parameter"] as? String == "limit")
        let unreadable = call(router, .get, "/list?limit=5&archived=maybe")
        #expect(unreadable.status == .badRequest)
        #expect(unreadable.errorDetails["parameter"] as? String == "archived")
    }

    // MARK: - Middleware

    @Test func groupPrefixAndMiddleware_RunOutermostFirst_AfterTheRouterWide() {
        let log = Locked<[String]>([])
        let routes = RouteCollection().group(
            "v1", middleware: [Recorder(name: "auth", log: log), Recorder(name: "audit", log: log)],
            RouteCollection().get("items/:id") { _, _ in
                log.withLock { $0.append("handler") }
                return .text("item")
            }
        )
        let router = Router(routes: routes, middleware: [Recorder(name: "logging", log: log)])
        #expect(call(router, .get, "/v1/items/1").text == "item")
        #expect(
            log.current == [
                "logging in", "auth in", "audit in", "handler", "audit out 200", "auth out 200", "logging out 200",
            ])
        #expect(call(router, .get, "/items/1").status == .notFound)
    }

    @Test func nestedGroups_JoinTheirPrefixes() {
        let inner = RouteCollection().get("/", use: echoRoute).get("stats", use: echoRoute)
        let routes = RouteCollection().group("api", RouteCollection().group("/v2/", inner))
        let router = Router(routes: routes)
        #expect(call(router, .get, "/api/v2").text == "/api/v2")
        #expect(call(router, .get, "/api/v2/stats").text == "/api/v2/stats")
    }

    @Test func aMiddlewareThatThrows_AnswersWithTheEnvelope_AndOuterLayersSeeTheStatus() {
        let log = Locked<[String]>([])
        let routes = RouteCollection().group(
            "v1", middleware: [Recorder(name: "auth", log: log, fails: HTTPError.unauthorized())],
            RouteCollection().get("secret") { _, _ in
                log.withLock { $0.append("handler") }
                return .text("secret")
            }
        )
        let router = Router(routes: routes, middleware: [Recorder(name: "logging", log: log)])
        let response = call(router, .get, "/v1/secret")
        #expect(response.status == .unauthorized)
        #expect(response.errorCode == "unauthorized")
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(log.current == ["logging in", "auth in", "logging out 401"])
    }

    // MARK: - Errors

    @Test func anHTTPResponseError_BecomesItsStatusCodeDetailsAndHeaders() throws {
        let router = Router(routes: RouteCollection().post("orders") { _, _ in throw OutOfStock() })
        let response = call(router, .post, "/orders", headers: ["X-Request-Id": "req-1"], body: Array("{}".utf8))
        #expect(response.status == .conflict)
        #expect(response.headers["Retry-After"] == "3600")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(
            response.text == """
                {"error":{"code":"out_of_stock","message":"The item \\"X\\" is out of stock.","details":\
                {"alternatives":["X-2","X-3"],"available":0,"backorder":false,"sku":"X-1"}},"requestId":"req-1"}
                """)
    }

    @Test(arguments: [
        (#"{"customer":{},"items":[]}"#, "customer.name", "required"),
        (#"{"customer":{"name":"A"},"items":[{"sku":"S","quantity":"two"}]}"#, "items[0].quantity", "a whole number"),
        (#"{"customer":{"name":"A"},"items":[{"sku":"S","quantity":1},{"quantity":1}]}"#, "items[1].sku", "required"),
        (#"{"customer":{"name":null},"items":[]}"#, "customer.name", "not null"),
        (#"{"customer":"A","items":[]}"#, "customer", "an object"),
    ])
    func aDecodingError_Is422InvalidField_NamingTheField(body: String, field: String, wording: String) {
        let router = Router(
            routes: RouteCollection().post("orders") { request, _ in
                _ = try JSONDecoder().decode(Order.self, from: Data(request.body))
                return .text("ok")
            })
        let response = call(router, .post, "/orders", body: Array(body.utf8))
        #expect(response.status == .unprocessableContent)
        #expect(response.errorCode == "invalid_field")
        #expect(response.errorDetails["field"] as? String == field)
        #expect(response.errorMessage?.contains(field) == true)
        #expect(response.errorMessage?.contains(wording) == true, "\(response.errorMessage ?? "")")
    }

    @Test func bodyThatIsNotJSON_Is400SayingSo() {
        let router = Router(
            routes: RouteCollection().post("orders") { request, _ in
                _ = try JSONDecoder().decode(Order.self, from: Data(request.body))
                return .text("ok")
            })
        let response = call(router, .post, "/orders", body: Array("{not json".utf8))
        #expect(response.status == .badRequest)
        #expect(response.errorCode == "invalid_json")
        #expect(response.errorMessage == "The body is not valid JSON.")
    }

    @Test func anUnknownError_Is500WithAGenericMessage_AndIsReported() {
        let reported = Locked<[(String, String)]>([])
        let router = Router(
            routes: RouteCollection().get("crash") { _, _ in throw Boom() },
            onUnexpectedError: { error, context in
                reported.withLock { $0.append((String(describing: error), context.requestId)) }
            }
        )
        let response = call(router, .get, "/crash", headers: ["X-Request-Id": "trace-77"])
        #expect(response.status == .internalServerError)
        #expect(response.errorCode == "internal_error")
        #expect(response.errorMessage == "Something went wrong on our side; it has been logged.")
        #expect(!response.text.contains("secret"))
        #expect(response.json["requestId"] as? String == "trace-77")
        let calls = reported.current
        #expect(calls.count == 1)
        #expect(calls.first?.0.contains("secret database path") == true)
        #expect(calls.first?.1 == "trace-77")
    }

    // MARK: - Request ids

    @Test(arguments: ["abc", "a-b_c.d:e", String(repeating: "x", count: 128), "0123456789abcdef"])
    func aSafeRequestId_IsKept(id: String) {
        let router = Router(routes: RouteCollection().get("id") { _, context in .text(context.requestId) })
        let response = call(router, .get, "/id", headers: ["X-Request-Id": id])
        #expect(response.text == id)
        #expect(response.headers["X-Request-Id"] == id)
    }

    @Test(arguments: [
        String(repeating: "x", count: 129), String(repeating: "y", count: 200), "has space", "a\r\nSet-Cookie: x=1",
        "", "ünïcode", "semi;colon", "quote\"d",
    ])
    func anUnsafeRequestId_IsReplacedByAFreshOne(id: String) {
        let router = Router(routes: RouteCollection().get("id") { _, context in .text(context.requestId) })
        let response = call(router, .get, "/id", headers: ["X-Request-Id": id])
        let replaced = response.text
        #expect(replaced != id)
        #expect(replaced.count == 16 && replaced.allSatisfy(\.isHexDigit))
        #expect(response.headers["X-Request-Id"] == replaced)
    }

    @Test func errorEnvelopes_CarryTheRequestId() {
        let router = Router(routes: RouteCollection())
        let response = call(router, .get, "/x", headers: ["X-Request-Id": "given-1"])
        #expect(response.json["requestId"] as? String == "given-1")
        #expect(response.headers["X-Request-Id"] == "given-1")
        let fresh = call(router, .get, "/x")
        let id = fresh.json["requestId"] as? String
        #expect(id != nil && fresh.headers["X-Request-Id"] == id)
    }

    // MARK: - Body limits

    @Test func bodyLimit_IsTheRoutes() {
        let router = Router(
            routes: RouteCollection()
                .post("imports", bodyLimit: 50 << 20) { _, _ in .text("ok") }
                .put("small/:id", bodyLimit: 100) { _, _ in .text("ok") }
                .post("plain") { _, _ in .text("ok") }
        )
        func limit(_ method: HTTPMethod, _ target: String, _ headers: HTTPHeaders) -> Int {
            router.plan(
                for: HTTPRequestHead(method: method, target: target, headers: headers),
                connection: ConnectionInfo(remoteAddress: "127.0.0.1"), defaultBodyLimit: 1_000
            )
            .bodyLimit
        }
        #expect(limit(.post, "/imports", ["Content-Length": "5"]) == 50 << 20)
        #expect(limit(.post, "/imports?dry=1", ["Transfer-Encoding": "chunked"]) == 50 << 20)
        #expect(limit(.put, "/small/3", ["Content-Length": "5"]) == 100)
        #expect(limit(.post, "/plain", ["Content-Length": "5"]) == 1_000)
        #expect(limit(.get, "/imports", ["Content-Length": "5"]) == 1_000)
        #expect(limit(.post, "/unknown", ["Content-Length": "5"]) == 1_000)
        #expect(limit(.post, "/imports/%zz", ["Content-Length": "5"]) == 1_000)
    }

    // MARK: - Where handlers run

    struct Quiet: Middleware {
        func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
            try next(request, context)
        }
        var neverBlocks: Bool { true }
    }

    struct MayBlock: Middleware {
        func handle(_ request: HTTPRequest, context: RequestContext, next: Next) throws -> HTTPResponse {
            try next(request, context)
        }
    }

    private func execution(_ router: Router, _ method: HTTPMethod, _ target: String) -> HandlerExecution {
        router.plan(
            for: HTTPRequestHead(method: method, target: target),
            connection: ConnectionInfo(remoteAddress: "127.0.0.1"), defaultBodyLimit: 1_000
        ).execution
    }

    @Test func aRouteMarkedEventLoop_RunsOnTheLoop_OnlyWhenEveryMiddlewareNeverBlocks() {
        let routes = RouteCollection()
            .get("health", execution: .eventLoop) { _, _ in .text("ok") }
            .get("slow") { _, _ in .text("ok") }
        let quiet = Router(routes: routes.group("quiet", middleware: [Quiet()], routes), middleware: [Quiet()])
        #expect(execution(quiet, .get, "/health") == .eventLoop)
        #expect(execution(quiet, .head, "/health") == .eventLoop)
        #expect(execution(quiet, .get, "/quiet/health") == .eventLoop)
        #expect(execution(quiet, .get, "/slow") == .workerPool)

        let blockingGlobal = Router(routes: routes, middleware: [Quiet(), MayBlock()])
        #expect(execution(blockingGlobal, .get, "/health") == .workerPool)

        let blockingGroup = Router(routes: routes.group("g", middleware: [MayBlock()], routes), middleware: [Quiet()])
        #expect(execution(blockingGroup, .get, "/health") == .eventLoop)
        #expect(execution(blockingGroup, .get, "/g/health") == .workerPool)
    }

    @Test func requestsNoRouteTakes_AreAnsweredOnTheLoop_WhenTheGlobalMiddlewareNeverBlocks() {
        let routes = RouteCollection().get("slow") { _, _ in .text("ok") }
        let quiet = Router(routes: routes, middleware: [Quiet()])
        #expect(execution(quiet, .get, "/missing") == .eventLoop)
        #expect(execution(quiet, .post, "/slow") == .eventLoop)
        #expect(execution(quiet, .get, "/bad%zz") == .eventLoop)
        let blocking = Router(routes: routes, middleware: [MayBlock()])
        #expect(execution(blocking, .get, "/missing") == .workerPool)
    }

    @Test func aPlannedRequest_IsAnsweredByTheRouteThePlanFound() {
        let router = Router(
            routes: RouteCollection()
                .get("items/:id", execution: .eventLoop) { _, context in
                    .text(try context.parameters.require("id", as: String.self))
                }
        )
        let head = HTTPRequestHead(method: .get, target: "/items/a%20b")
        let plan = router.plan(
            for: head, connection: ConnectionInfo(remoteAddress: "127.0.0.1"), defaultBodyLimit: 1_000)
        let response = router.respond(
            to: HTTPRequest(head: head), plan: plan, connection: ConnectionInfo(remoteAddress: "127.0.0.1"))
        #expect(response.status == .ok)
        #expect(response.bodyBytes.map { String(decoding: $0, as: UTF8.self) } == "a b")
        // A plan made elsewhere (no routing notes) still gets the right route.
        let bare = router.respond(
            to: HTTPRequest(head: head), plan: RequestPlan(bodyLimit: 1), connection: ConnectionInfo(remoteAddress: "x")
        )
        #expect(bare.bodyBytes.map { String(decoding: $0, as: UTF8.self) } == "a b")
    }
}
