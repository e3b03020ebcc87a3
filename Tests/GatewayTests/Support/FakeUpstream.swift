import Contract
import Foundation
import HTTP
import ServiceKit
import TestSupport

/// A stand-in for every service behind the gateway: one HTTP server on 127.0.0.1:0 that answers
/// 200 to anything, echoing what it received (the internal principal fields included), unless a
/// test installs another behaviour. It records every request. Always call `stop()`.
final class FakeUpstream: Sendable {
    /// One request as the upstream saw it.
    struct Received: Sendable {
        var method: HTTPMethod
        var target: String
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// The default answer's body.
    struct Echo: Codable, Sendable, Equatable {
        var method: String
        var target: String
        var role: String?
        var customerId: String?
        var actor: String?
        var requestId: String?
        var secret: String?
    }

    let server: LiveServer
    private let received = Locked<[Received]>([])
    private let behaviour = Locked<(@Sendable (HTTPRequest) -> HTTPResponse?)?>(nil)

    init() throws {
        let received = self.received
        let behaviour = self.behaviour
        let handler: RouteHandler = { request, _ in
            received.withLock {
                $0.append(
                    Received(
                        method: request.method, target: request.target, headers: request.headers, body: request.body))
            }
            if let custom = behaviour.current, let response = custom(request) { return response }
            let principal = InternalHeaders.principal(from: request.headers)
            return try .json(
                Echo(
                    method: request.method.description, target: request.target, role: principal?.role.rawValue,
                    customerId: principal?.customerId?.text, actor: principal?.name,
                    requestId: request.headers["X-Request-Id"],
                    secret: request.headers[InternalHeaders.secret]
                ))
        }
        var routes = RouteCollection()
        // As large a body as any service route takes.
        for method in [HTTPMethod.get, .post, .put, .patch, .delete] {
            routes = routes.on(method, "*", bodyLimit: 8 << 20, use: handler)
        }
        server = try LiveServer(routes: routes, eventLoops: 1, workers: 8)
    }

    var port: Int { server.port }
    var upstream: Upstream { server.upstream }

    /// Answers with `respond` where it returns a response; falls back to the echo where it returns nil.
    func behave(_ respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse?) {
        behaviour.withLock { $0 = respond }
    }

    /// Every request so far, oldest first.
    var requests: [Received] { received.current }

    /// The requests whose target starts with `prefix`.
    func requests(startingWith prefix: String) -> [Received] {
        requests.filter { $0.target.hasPrefix(prefix) }
    }

    func stop() {
        server.stop()
    }
}
