import HTTP
import Testing

@Suite struct ParserResponseTests {
    @Test func contentLength_Body_IsDeliveredThenEnd() {
        let outcome = parseResponses("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
        #expect(outcome.error == nil)
        #expect(
            outcome.records == [
                .head(status: 200, version: .http1_1, fields: ["Content-Type=text/plain", "Content-Length=5"]),
                .body("hello"), .end,
            ]
        )
    }

    @Test func chunked_Body_IsDecoded_AndTrailersDropped() {
        let outcome = parseResponses(
            "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;x=y\r\nabc\r\n"
                + "4\r\ndefg\r\n"
                + "0\r\nTrailer: 1\r\n\r\n"
        )
        #expect(outcome.error == nil)
        #expect(
            outcome.records == [
                .head(status: 201, version: .http1_1, fields: ["Transfer-Encoding=chunked"]), .body("abcdefg"), .end,
            ]
        )
    }

    @Test func body_WithoutLength_IsReadUntilClose() {
        let outcome = parseResponses("HTTP/1.0 200 OK\r\nServer: old\r\n\r\nall of this")
        #expect(outcome.error == nil)
        #expect(
            outcome.records == [
                .head(status: 200, version: .http1_0, fields: ["Server=old"]), .body("all of this"), .end,
            ]
        )
    }

    @Test func closeDelimitedBody_WithoutClose_NeverEnds() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\n\r\npart".utf8))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        #expect(try parser.next() == .body(Array("part".utf8)))
        #expect(try parser.next() == nil)
        #expect(try parser.connectionClosed() == .end)
        #expect(try parser.connectionClosed() == nil)
    }

    @Test func responseToHead_HasNoBody_DespiteContentLength() {
        let outcome = parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", to: [.head])
        #expect(outcome.error == nil)
        #expect(outcome.records == [.head(status: 200, version: .http1_1, fields: ["Content-Length=1000"]), .end])
    }

    @Test(arguments: [204, 304])
    func status_WithoutContent_HasNoBody(status: Int) {
        let outcome = parseResponses("HTTP/1.1 \(status) Whatever\r\nContent-Length: 10\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.records == [.head(status: status, version: .http1_1, fields: ["Content-Length=10"]), .end])
    }

    @Test func interimResponses_AreSkipped() {
        let outcome = parseResponses(
            "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        )
        #expect(outcome.error == nil)
        #expect(
            outcome.records == [.head(status: 200, version: .http1_1, fields: ["Content-Length=2"]), .body("ok"), .end])
    }

    @Test func twoResponses_BackToBack_AreParsedInTurn() {
        let outcome = parseResponses(
            "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nno\r\n0\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n",
            to: [.get, .get, .head]
        )
        #expect(outcome.error == nil)
        #expect(
            outcome.records == [
                .head(status: 200, version: .http1_1, fields: ["Content-Length=3"]), .body("abc"), .end,
                .head(status: 404, version: .http1_1, fields: ["Transfer-Encoding=chunked"]), .body("no"), .end,
                .head(status: 200, version: .http1_1, fields: ["Content-Length=9"]), .end,
            ]
        )
    }

    @Test func statusLine_WithoutReason_IsAccepted() {
        let outcome = parseResponses("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\nHTTP/1.1 204 \r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.records.filter { $0 == .end }.count == 2)
    }

    @Test func hasBufferedBytes_ReportsBytesAfterTheResponse() throws {
        var parser = HTTPResponseParser()
        parser.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxEXTRA".utf8))
        while let event = try parser.next(), event != .end {}
        #expect(parser.hasBufferedBytes)
        #expect(parser.isComplete)

        var clean = HTTPResponseParser()
        clean.append(Array("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx".utf8))
        while let event = try clean.next(), event != .end {}
        #expect(!clean.hasBufferedBytes)
        #expect(try clean.connectionClosed() == nil)
    }

    @Test(arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        "HTTP/1.1 200 OK\r\nContent-Le",
        "HTTP/1.1 2",
    ])
    func truncatedResponse_IsRefusedOnClose(wire: String) {
        #expect(parseResponses(wire).error?.kind == .malformed)
    }

    @Test(arguments: [
        "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1  200 OK\r\n\r\n", "HTTP/1.1 099 X\r\n\r\n",
        "HTTP/1.1 200 O\u{0}K\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", "HTTP/1.1 200 OK\r\n folded\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "ICY 200 OK\r\n\r\n", "HTTP/1.1 200 OK\n\n",
    ])
    func malformedResponse_IsRefused(wire: String) {
        #expect(parseResponses(wire).error?.kind == .malformed)
    }

    @Test func unsupportedVersion_IsRefused() {
        #expect(parseResponses("HTTP/2.0 200 OK\r\n\r\n").error?.kind == .unsupportedVersion)
    }

    @Test func header_OverLimit_IsRefused() {
        var limits = HTTPLimits()
        limits.maxHeaderCount = 2
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits).error?.kind
                == .headersTooLarge)
    }
}
