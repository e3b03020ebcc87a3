import HTTP
import TestSupport
import Testing

/// A request the server must refuse, and how.
struct Refusal: Sendable, CustomTestStringConvertible {
    let name: String
    let wire: [UInt8]
    let status: Int
    let code: String

    init(_ name: String, _ wire: String, _ status: Int, _ code: String) {
        self.init(name, Array(wire.utf8), status, code)
    }

    init(_ name: String, _ wire: [UInt8], _ status: Int, _ code: String) {
        self.name = name
        self.wire = wire
        self.status = status
        self.code = code
    }

    var testDescription: String { name }

    static let all: [Refusal] = [
        Refusal(
            "Content-Length with Transfer-Encoding",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400, "malformed_request"
        ),
        Refusal(
            "differing Content-Lengths",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            400, "malformed_request"
        ),
        Refusal(
            "Content-Length list that differs",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5, 6\r\n\r\nhello!",
            400, "malformed_request"
        ),
        Refusal(
            "bad chunk size",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            400, "malformed_request"
        ),
        Refusal(
            "NUL in a header value",
            Array("GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a".utf8) + [0] + Array("b\r\n\r\n".utf8),
            400, "malformed_request"
        ),
        Refusal(
            "bare CR in a header value", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\rb\r\n\r\n", 400, "malformed_request"
        ),
        Refusal("bare CR as a line end", "GET /hello HTTP/1.1\rHost: t\r\n\r\n", 400, "malformed_request"),
        Refusal("obs-fold", "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\r\n  folded\r\n\r\n", 400, "malformed_request"),
        Refusal("space before the colon", "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n", 400, "malformed_request"),
        Refusal(
            "Transfer-Encoding gzip",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\nxxxx",
            400, "malformed_request"
        ),
        Refusal(
            "Transfer-Encoding gzip, chunked",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            400, "malformed_request"
        ),
        Refusal("missing Host", "GET /hello HTTP/1.1\r\n\r\n", 400, "malformed_request"),
        Refusal("two Hosts", "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "malformed_request"),
        Refusal("garbage request line", "HELLO\r\n\r\n", 400, "malformed_request"),
        Refusal("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", 505, "http_version_not_supported"),
        Refusal(
            "request line too long",
            "GET /" + String(repeating: "a", count: 9_000) + " HTTP/1.1\r\nHost: t\r\n\r\n",
            414, "uri_too_long"
        ),
        Refusal(
            "too many header fields",
            "GET /hello HTTP/1.1\r\nHost: t\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n",
            431, "header_fields_too_large"
        ),
        Refusal(
            "header block too large",
            "GET /hello HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "v", count: 17_000) + "\r\n\r\n",
            431, "header_fields_too_large"
        ),
        Refusal(
            "Content-Length past the limit",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n",
            413, "payload_too_large"
        ),
        Refusal(
            "chunked body past the limit",
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n",
            413, "payload_too_large"
        ),
        Refusal(
            "Content-Length that overflows",
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n",
            400, "malformed_request"
        ),
    ]
}

/// Every refusal over the wire: the right status, the JSON error envelope, then a close.
@Suite struct ServerRefusalTests {
    @Test(arguments: Refusal.all)
    func aRefusedRequest_IsAnsweredWithTheEnvelope_AndTheConnectionCloses(refusal: Refusal) throws {
        let live = try LiveServer(routes: wireRoutes(), eventLoops: 1)
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(refusal.wire)
        let response = try connection.readResponse()
        #expect(response.status == refusal.status)
        #expect(response.errorCode == refusal.code)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.envelopeRequestId == response.header("X-Request-Id"))
        #expect(response.closesConnection)
        #expect(connection.waitForClose())
        // The server itself is unharmed.
        let next = try live.connect()
        try next.send(getRequest("/hello"))
        #expect(try next.readResponse().status == 200)
    }

    @Test func aRefusalAfterAGoodRequest_AnswersBothInOrder() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(
            getRequest("/path/1") + "GET /x HTTP/1.1\r\nHost: t\r\nX: a\0b\r\n\r\n" + getRequest("/path/2"))
        #expect(try connection.readResponse().text == "/path/1")
        let refused = try connection.readResponse()
        #expect(refused.status == 400)
        #expect(connection.waitForClose())
        #expect(connection.unreadBytes.isEmpty)
    }

    /// RFC 9112 §9.6: a server closing right after an error answer while request bytes are still
    /// unread makes the kernel send a reset, which can destroy the answer before the client reads
    /// it. Over loopback the answer is already in the client's buffer, so it must be readable.
    @Test func a413_WithTheBodyAlreadySent_StillReachesTheClient() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 1_000
        let live = try LiveServer(routes: wireRoutes(), limits: limits)
        defer { live.stop() }
        let connection = try live.connect()
        let body = [UInt8](repeating: 0x61, count: 200_000)
        try? connection.send(Array("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 200000\r\n\r\n".utf8) + body)
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(connection.waitForClose())
    }
}
