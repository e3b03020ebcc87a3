import HTTP
import TestSupport
import Testing

/// Request bodies the client produces piece by piece: chunked when the length is unknown,
/// Content-Length when it is known; the server de-chunks them.
@Suite struct HTTPClientUploadTests {
    static func echoServer() throws -> LiveServer {
        try LiveServer(
            routes: RouteCollection().post("echo", bodyLimit: 4 << 20) { request, _ in
                HTTPResponse(
                    headers: [
                        "X-Framing": request.headers["Transfer-Encoding"]
                            ?? "length \(request.headers["Content-Length"] ?? "-")"
                    ],
                    bytes: request.body
                )
            })
    }

    static func pieces(_ count: Int, size: Int) -> [[UInt8]] {
        (0..<count).map { index in [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size) }
    }

    @Test func aBodyOfUnknownLength_IsSentChunked_AndArrivesWhole() throws {
        let live = try Self.echoServer()
        defer { live.stop() }
        let pieces = Self.pieces(40, size: 50_000)
        let stream = try HTTPClient().upload(
            HTTPRequestHead(method: .post, target: "/echo"),
            body: BodyStream { writer in
                for piece in pieces { try writer.write(piece) }
            }, to: live.upstream
        )
        var received: [UInt8] = []
        while let piece = try stream.next() { received += piece }
        #expect(stream.head.status == .ok)
        #expect(stream.head.headers["X-Framing"] == "chunked")
        #expect(received == pieces.flatMap { $0 })
    }

    @Test func aBodyOfKnownLength_IsSentWithContentLength() throws {
        let live = try Self.echoServer()
        defer { live.stop() }
        let stream = try HTTPClient().upload(
            HTTPRequestHead(method: .post, target: "/echo"),
            body: BodyStream(contentLength: 6) { writer in
                try writer.write(Array("abc".utf8))
                try writer.write(Array("def".utf8))
            }, to: live.upstream
        )
        var received: [UInt8] = []
        while let piece = try stream.next() { received += piece }
        #expect(stream.head.headers["X-Framing"] == "length 6")
        #expect(String(decoding: received, as: UTF8.self) == "abcdef")
    }

    @Test func aProducerThatFails_LeavesNoConnectionBehind() throws {
        let live = try Self.echoServer()
        defer { live.stop() }
        struct Broken: Error {}
        let client = HTTPClient()
        #expect(throws: HTTPClientError.self) {
            _ = try client.upload(
                HTTPRequestHead(method: .post, target: "/echo"),
                body: BodyStream { writer in
                    try writer.write([1, 2, 3])
                    throw Broken()
                }, to: live.upstream)
        }
        // The half-sent request is abandoned, and the server still answers the next one.
        let next = try client.send(HTTPRequest(method: .post, target: "/echo", body: [9]), to: live.upstream)
        #expect(next.body == [9])
    }
}
