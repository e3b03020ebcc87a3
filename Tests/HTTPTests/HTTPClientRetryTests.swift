import HTTP
import Testing

/// The client's retry rule and error mapping against an upstream that misbehaves on cue.
///
/// A pooled connection the upstream drops right after reading the next request looks healthy to
/// the pool (no EOF yet when it is handed out), so these scripts reach the retry path exactly.
@Suite struct HTTPClientRetryTests {
    static func client() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.readTimeout = .seconds(10)
        configuration.connectTimeout = .seconds(10)
        return HTTPClient(configuration: configuration)
    }

    /// An upstream that answers the first request on each connection and drops the connection on
    /// any later one without answering: every reused connection is stale.
    static func droppingReusedConnections() throws -> ScriptedUpstream {
        try ScriptedUpstream { seen in
            seen.index == 0 ? .respond(okResponse("fresh \(seen.connection)")) : .close
        }
    }

    static func upstream(_ scripted: ScriptedUpstream) -> Upstream { Upstream(host: "127.0.0.1", port: scripted.port) }

    @Test func aGETOnAStaleConnection_IsRetriedOnAFreshOne() throws {
        let scripted = try Self.droppingReusedConnections()
        defer { scripted.stop() }
        let client = Self.client()
        let first = try client.send(HTTPRequest(method: .get, target: "/a"), to: Self.upstream(scripted))
        #expect(first.body == Array("fresh 0".utf8))
        let second = try client.send(HTTPRequest(method: .get, target: "/b"), to: Self.upstream(scripted))
        #expect(second.body == Array("fresh 1".utf8))
        #expect(scripted.requests.map(\.connection) == [0, 0, 1])
    }

    @Test func aPOSTWithoutIdempotencyKey_IsNotRetried_OnceItWasSent() throws {
        let scripted = try Self.droppingReusedConnections()
        defer { scripted.stop() }
        let client = Self.client()
        _ = try client.send(HTTPRequest(method: .get, target: "/warm"), to: Self.upstream(scripted))
        let post = HTTPRequest(method: .post, target: "/orders", body: Array("{}".utf8))
        let error = #expect(throws: HTTPClientError.self) {
            try client.send(post, to: Self.upstream(scripted))
        }
        #expect(error?.isUnreachable == true)
        // The upstream read the POST once and never saw it again.
        #expect(scripted.requests.filter { $0.text.hasPrefix("POST") }.count == 1)
        #expect(scripted.accepted.value == 1)
    }

    @Test(arguments: [
        HTTPRequest(method: .post, target: "/orders", headers: ["Idempotency-Key": "k-1"], body: Array("{}".utf8)),
        HTTPRequest(method: .put, target: "/orders/1", body: Array("{}".utf8)),
        HTTPRequest(method: .delete, target: "/orders/1"),
    ])
    func anIdempotentRequestOnAStaleConnection_IsRetriedOnce(request: HTTPRequest) throws {
        let scripted = try Self.droppingReusedConnections()
        defer { scripted.stop() }
        let client = Self.client()
        _ = try client.send(HTTPRequest(method: .get, target: "/warm"), to: Self.upstream(scripted))
        let response = try client.send(request, to: Self.upstream(scripted))
        #expect(response.body == Array("fresh 1".utf8))
        let sent = scripted.requests.filter { $0.text.hasPrefix(request.method.description) }
        #expect(sent.map(\.connection) == [0, 1])
    }

    @Test(arguments: [
        HTTPRequestHead(method: .put, target: "/files/1"),
        HTTPRequestHead(method: .post, target: "/files", headers: ["Idempotency-Key": "k-1"]),
    ])
    func anIdempotentUploadOnAStaleConnection_IsNotRetried_OnceItsBodyWentOut(head: HTTPRequestHead) throws {
        let scripted = try Self.droppingReusedConnections()
        defer { scripted.stop() }
        let client = Self.client()
        _ = try client.send(HTTPRequest(method: .get, target: "/warm"), to: Self.upstream(scripted))
        let produced = Tally()
        let body = BodyStream(contentLength: 4) { writer in
            produced.increment()
            try writer.write(Array("data".utf8))
        }
        // A request that may be repeated still may not be here: its body cannot be produced again.
        #expect(throws: HTTPClientError.connectionClosed) {
            _ = try client.upload(head, body: body, to: Self.upstream(scripted))
        }
        #expect(produced.value == 1)
        let sent = scripted.requests.filter { $0.text.hasPrefix(head.method.description) }
        #expect(sent.map(\.connection) == [0])
        #expect(scripted.accepted.value == 1)
    }

    @Test func aRetry_UsesAFreshConnection_EvenWithOtherIdleOnesPooled() throws {
        let scripted = try Self.droppingReusedConnections()
        defer { scripted.stop() }
        let client = Self.client()
        let upstream = Self.upstream(scripted)
        // Two idle pooled connections: hold one with an unfinished stream while the other is used.
        let held = try client.stream(HTTPRequest(method: .get, target: "/one"), to: upstream)
        _ = try client.send(HTTPRequest(method: .get, target: "/two"), to: upstream)
        while try held.next() != nil {}
        #expect(scripted.accepted.value == 2)
        // Both are stale now; the retry must not pick the second stale one.
        let response = try client.send(HTTPRequest(method: .get, target: "/three"), to: upstream)
        #expect(response.body == Array("fresh 2".utf8))
    }

    @Test func anUpstreamThatClosesBeforeAnyByte_IsUnreachable() throws {
        let scripted = try ScriptedUpstream { _ in .close }
        defer { scripted.stop() }
        let client = Self.client()
        let error = #expect(throws: HTTPClientError.self) {
            try client.send(HTTPRequest(method: .get, target: "/"), to: Self.upstream(scripted))
        }
        #expect(error?.isUnreachable == true)
        // A fresh connection is not retried: the upstream saw the request once.
        #expect(scripted.requests.count == 1)
    }

    @Test func anUpstreamThatStopsMidBody_IsConnectionClosed() throws {
        let scripted = try ScriptedUpstream { _ in
            .respondThenClose("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")
        }
        defer { scripted.stop() }
        let client = Self.client()
        #expect(throws: HTTPClientError.connectionClosed) {
            try client.send(HTTPRequest(method: .get, target: "/"), to: Self.upstream(scripted))
        }
        #expect(scripted.requests.count == 1)
    }

    @Test func aGarbledAnswer_IsMalformedResponse() throws {
        let scripted = try ScriptedUpstream { _ in .respondThenClose("SMTP ready\r\n\r\n") }
        defer { scripted.stop() }
        let client = Self.client()
        let error = #expect(throws: HTTPClientError.self) {
            try client.send(HTTPRequest(method: .get, target: "/"), to: Self.upstream(scripted))
        }
        if case .malformedResponse = error {
        } else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
        }
    }

    @Test func aBodyDelimitedByClose_IsReadToTheEnd_AndTheConnectionNotPooled() throws {
        let scripted = try ScriptedUpstream { _ in .respondThenClose("HTTP/1.1 200 OK\r\n\r\nuntil the end") }
        defer { scripted.stop() }
        let client = Self.client()
        for _ in 0..<2 {
            let response = try client.send(HTTPRequest(method: .get, target: "/"), to: Self.upstream(scripted))
            #expect(response.body == Array("until the end".utf8))
        }
        #expect(scripted.accepted.value == 2)
    }

    @Test func theRequestOnTheWire_HasHostAndLength_AndNoHopByHopFields() throws {
        let scripted = try ScriptedUpstream { _ in .respond(okResponse("ok")) }
        defer { scripted.stop() }
        let client = Self.client()
        let request = HTTPRequest(
            method: .post, target: "/x?y=1",
            headers: [
                "Connection": "close", "Transfer-Encoding": "chunked", "Keep-Alive": "5", "Host": "evil",
                "Content-Length": "99", "X-Custom": "a\r\nInjected: 1", "Expect": "100-continue",
            ]
        )
        _ = try client.send(request, to: Self.upstream(scripted))
        let wire = try #require(scripted.requests.first).text
        #expect(
            wire
                == "POST /x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:\(scripted.port)\r\nX-Custom: a  Injected: 1\r\nContent-Length: 0\r\n\r\n"
        )
    }

    @Test(arguments: [
        ("http://loyalty:8081", "loyalty", 8081),
        ("http://127.0.0.1:9000/", "127.0.0.1", 9000),
        ("http://[::1]:7000", "::1", 7000),
        ("http://gateway", "gateway", 80),
    ])
    func upstreamURLs_AreParsed(url: String, host: String, port: Int) throws {
        let upstream = try #require(Upstream(url: url))
        #expect(upstream.host == host && upstream.port == port)
    }

    @Test(arguments: [
        "https://a:1", "http://", "http://a:0", "http://a:70000", "http://a/b", "http://u@a:1", "http://[::1", "a:1",
    ])
    func badUpstreamURLs_AreRefused(url: String) {
        #expect(Upstream(url: url) == nil)
    }
}
