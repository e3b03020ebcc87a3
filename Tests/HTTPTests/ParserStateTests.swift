import HTTP
import Testing

/// The parsers' state between events: idle, reading a body, failed, and the buffer they keep.
@Suite struct ParserStateTests {
    private static let post = "POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbody"

    @Test func requestParser_ReportsIdleHeadAndBodyPhases() throws {
        let bytes = Array(Self.post.utf8)
        var parser = HTTPRequestParser()
        #expect(parser.isIdle)
        #expect(!parser.isReadingBody)

        parser.append(Array(bytes[..<3]))
        #expect(try parser.next() == nil)
        #expect(!parser.isIdle)
        #expect(!parser.isReadingBody)

        parser.append(Array(bytes[3..<(bytes.count - 2)]))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        #expect(parser.isReadingBody)
        #expect(try parser.next() == nil)
        #expect(parser.isReadingBody)

        parser.append(Array(bytes[(bytes.count - 2)...]))
        guard case .request(let request) = try parser.next() else { Issue.record("no request"); return }
        #expect(request.body == Array("body".utf8))
        #expect(!parser.isReadingBody)
        #expect(parser.isIdle)
        #expect(try parser.next() == nil)
    }

    @Test func requestParser_IsNotIdle_WhileNextRequestIsBuffered() throws {
        var parser = HTTPRequestParser()
        parser.append(Array((Self.post + "GET").utf8))
        guard case .head = try parser.next(), case .request = try parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(!parser.isIdle)
        #expect(try parser.next() == nil)
        parser.append(Array(" / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else { Issue.record("no head"); return }
        #expect(head.method == .get)
    }

    @Test func requestParser_StaysFailed_AfterAnError() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.malformed("invalid header field name")) { try parser.next() }
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        #expect(throws: HTTPParseError.malformed("invalid header field name")) { try parser.next() }
        #expect(parser.error?.status == .badRequest)
        #expect(!parser.isIdle)
    }

    @Test func requestParser_HandlesManyPipelinedRequests_AcrossBufferCompaction() throws {
        // Enough requests, with bodies of varied size, that consumed bytes are dropped from the
        // front of the buffer many times while a partial request is still buffered.
        var wire: [UInt8] = []
        var expectedBodies: [[UInt8]] = []
        for index in 0..<600 {
            let body = Array(repeating: UInt8(ascii: "a") + UInt8(index % 26), count: index % 97)
            expectedBodies.append(body)
            if index % 2 == 0 || body.isEmpty {
                wire += Array("POST /\(index) HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
            } else {
                let chunk = String(body.count, radix: 16)
                wire += Array(
                    "POST /\(index) HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\(chunk)\r\n".utf8)
                wire += body + Array("\r\n0\r\n\r\n".utf8)
            }
        }
        for pieceSize in [1, 13, 1000, 5000, wire.count] {
            var parser = HTTPRequestParser()
            var bodies: [[UInt8]] = []
            var offset = 0
            while offset < wire.count {
                let end = min(offset + pieceSize, wire.count)
                wire[offset..<end].withUnsafeBytes { parser.append($0) }
                offset = end
                while let event = try parser.next() {
                    if case .request(let request) = event { bodies.append(request.body) }
                }
            }
            #expect(bodies == expectedBodies, "pieces of \(pieceSize)")
            #expect(parser.isIdle)
        }
    }

    @Test func requestParser_ReportsBodyTooLarge_OnlyOnTheCallAfterTheHead() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 2
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(Self.post.utf8))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        #expect(parser.bodyLimit == 2)
        parser.bodyLimit = 4
        guard case .request(let request) = try parser.next() else { Issue.record("no request"); return }
        #expect(request.body.count == 4)
        #expect(parser.bodyLimit == 2)
    }

    @Test func responseParser_StaysFailed_AndRefusesACutShortResponse() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc".utf8))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        #expect(try parser.next() == .body(Array("abc".utf8)))
        #expect(try parser.next() == nil)
        #expect(throws: HTTPParseError.self) { try parser.connectionClosed() }
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func responseParser_ConnectionClosedWithBufferedBody_DeliversBodyThenEnd() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        parser.append(Array("tail".utf8))
        #expect(try parser.connectionClosed() == .body(Array("tail".utf8)))
        #expect(try parser.next() == .end)
        #expect(try parser.next() == nil)
    }

    @Test func responseParser_ClosedBeforeAnyByte_ReportsNoResponse() throws {
        var parser = HTTPResponseParser()
        parser.expectResponse(to: .post)
        #expect(try parser.connectionClosed() == nil)
    }
}
