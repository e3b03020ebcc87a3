import Foundation
import HTTP
import TestSupport
import Testing

/// What the server writes: Date, its own framing, bodiless statuses, streamed bodies, and
/// answers for failing handlers, checked on the raw bytes.
@Suite struct ServerResponseTests {
    @Test func everyResponse_HasACurrentDateHeader() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        for target in ["/hello", "/nowhere"] {
            try connection.send(getRequest(target))
            let response = try connection.readResponse()
            let value = try #require(response.header("Date"))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = try #require(formatter.date(from: value), "\(value)")
            #expect(abs(date.timeIntervalSinceNow) < 120)
            #expect(response.headerValues("Date").count == 1)
        }
    }

    @Test func aHandlersFramingFields_AreReplacedByTheServers() throws {
        let live = try LiveServer { _ in
            HTTPResponse(
                headers: [
                    "Content-Length": "999", "Connection": "close", "Transfer-Encoding": "chunked", "X-Ok": "a\r\nb",
                ],
                bytes: Array("four".utf8)
            )
        }
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<2 {
            try connection.send(getRequest("/"))
            let response = try connection.readResponse()
            #expect(response.text == "four")
            #expect(response.headerValues("Content-Length") == ["4"])
            #expect(response.header("Transfer-Encoding") == nil)
            #expect(!response.closesConnection)
            #expect(response.header("X-Ok") == "a  b")
        }
    }

    @Test(arguments: [204, 304])
    func aStatusThatForbidsContent_IsSentWithoutBodyOrLength(status: Int) throws {
        let live = try LiveServer { request in
            request.target == "/bodiless"
                ? HTTPResponse(status: HTTPStatus(status), bytes: Array("dropped".utf8)) : .text("next")
        }
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/bodiless"))
        let response = try connection.readResponse()
        #expect(response.status == status)
        #expect(response.header("Content-Length") == nil)
        #expect(response.header("Transfer-Encoding") == nil)
        try connection.send(getRequest("/after"))
        #expect(try connection.readResponse().text == "next")
    }

    @Test func aStreamedBodyWithoutLength_ArrivesIntactAndChunked() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        let size = 5 * 1024 * 1024
        try connection.send(getRequest("/stream/\(size)"))
        let response = try connection.readResponse(timeout: .seconds(30))
        #expect(response.status == 200)
        #expect(response.isChunked)
        #expect(response.header("Content-Length") == nil)
        #expect(response.chunkCount > 1)
        #expect(response.body.count == size)
        let bodyIntact = matchesPattern(response.body, 0..<size)
        #expect(bodyIntact)
        // The connection stays usable after the last chunk.
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func aStreamedBodyWithKnownLength_UsesContentLength() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        let size = 1_000_003
        try connection.send(getRequest("/stream/\(size)?length=known"))
        let response = try connection.readResponse(timeout: .seconds(30))
        #expect(!response.isChunked)
        #expect(response.header("Content-Length") == String(size))
        let bodyIntact = matchesPattern(response.body, 0..<size)
        #expect(bodyIntact)
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func anEmptyStreamedBody_IsAZeroChunk() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/stream/0"))
        let response = try connection.readResponse()
        #expect(response.isChunked && response.body.isEmpty)
        try connection.send(getRequest("/hello"))
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func aThrowingHandler_Gets500_AndTheServerKeepsServing() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        for _ in 0..<3 {
            try connection.send(getRequest("/crash"))
            let crashed = try connection.readResponse()
            #expect(crashed.status == 500)
            #expect(crashed.errorCode == "internal_error")
            try connection.send(getRequest("/hello"))
            #expect(try connection.readResponse().status == 200)
        }
        let other = try live.connect()
        try other.send(getRequest("/hello"))
        #expect(try other.readResponse().status == 200)
    }

    @Test func aStreamThatFailsMidway_ClosesTheConnection_AndIsReported() throws {
        let live = try LiveServer { _ in
            HTTPResponse(
                body: .stream(
                    BodyStream { writer in
                        try writer.write(Array("partial".utf8))
                        throw Boom()
                    }))
        }
        defer { live.stop() }
        let connection = try live.connect()
        try connection.send(getRequest("/"))
        // The head and the first chunk went out; then the only honest signal is the close.
        let received = String(decoding: try connection.readUntilClose(), as: UTF8.self)
        #expect(received.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(received.contains("partial"))
        #expect(!received.hasSuffix("0\r\n\r\n"))
        #expect(eventually { live.streamFailures.all.count == 1 })
    }
}
