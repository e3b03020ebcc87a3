import HTTP
import Testing

@Suite struct ParserRequestTests {
    @Test func get_YieldsHeadThenRequest_WithFieldsInOrder() {
        let outcome = parseRequests(
            "GET /loyalty/customers/42?expand=ledger HTTP/1.1\r\n"
                + "Host: loyalty.local\r\n"
                + "Accept: application/json\r\n"
                + "X-Tag: one\r\n"
                + "x-tag: two\r\n"
                + "\r\n"
        )
        #expect(outcome.error == nil)
        let head =
            "GET /loyalty/customers/42?expand=ledger HTTP/1.1 "
            + "[Host=loyalty.local|Accept=application/json|X-Tag=one|x-tag=two] keepAlive=true continue=false"
        #expect(outcome.records == [.head(head), .request(head, body: [])])
    }

    @Test func head_CarriesMethodTargetVersionAndHeaders() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("DELETE /a/b?c=d HTTP/1.1\r\nHost: x\r\nX-Empty:\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else { Issue.record("no head"); return }
        #expect(head.method == .delete)
        #expect(head.target == "/a/b?c=d")
        #expect(head.rawPath == "/a/b")
        #expect(head.version == .http1_1)
        #expect(head.headers["host"] == "x")
        #expect(head.headers["X-Empty"] == "")
    }

    @Test func post_WithContentLength_DeliversBody() {
        let outcome = parseRequests(
            "POST /orders HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world"
        )
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello world"])
        #expect(outcome.records.count == 2)
    }

    @Test func contentLength_Zero_GivesEmptyBody() {
        let outcome = parseRequests("PUT /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [""])
    }

    @Test func contentLength_RepeatedWithSameValue_IsAccepted() {
        let outcome = parseRequests(
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc"
        )
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["abc"])
    }

    @Test func chunkedBody_IsDecoded_IgnoringExtensionsAndTrailers() {
        let outcome = parseRequests(
            "POST /upload HTTP/1.1\r\n"
                + "Host: a\r\n"
                + "Transfer-Encoding: Chunked\r\n"
                + "\r\n"
                + "5;name=value;quoted=\"a b\"\r\n"
                + "hello\r\n"
                + "1 ; ext\r\n"
                + ",\r\n"
                + "00006\r\n"
                + " world\r\n"
                + "0\r\n"
                + "Checksum: abc\r\n"
                + "Expires: never\r\n"
                + "\r\n"
        )
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["hello, world"])
        // Trailer fields are discarded, not merged into the head.
        if case .request(let head, _) = outcome.records.last { #expect(!head.contains("Checksum")) }
    }

    @Test func chunkedBody_WithUppercaseHexAndNoTrailers_IsDecoded() {
        let body = String(repeating: "x", count: 0x1A)
        let outcome = parseRequests(
            "POST /u HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1A\r\n\(body)\r\n0\r\n\r\n"
        )
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [body])
    }

    @Test func http10Request_NeedsNoHost_AndClosesByDefault() {
        let outcome = parseRequests("GET /old HTTP/1.0\r\nUser-Agent: curl\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.records.first == .head("GET /old HTTP/1.0 [User-Agent=curl] keepAlive=false continue=false"))
    }

    @Test func keepAlive_FollowsVersionAndConnectionHeader() {
        let cases: [(String, Bool)] = [
            ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", true),
            ("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false),
            ("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close\r\n\r\n", false),
            ("GET / HTTP/1.0\r\n\r\n", false),
            ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true),
        ]
        for (wire, keepAlive) in cases {
            let outcome = parseRequests(wire)
            #expect(outcome.error == nil)
            guard case .head(let head) = outcome.records.first else { Issue.record("no head"); continue }
            #expect(head.hasSuffix("keepAlive=\(keepAlive) continue=false"), "\(wire)")
        }
    }

    @Test func expectContinue_IsReportedOnTheHead_BeforeTheBodyArrives() throws {
        let wire = "POST /big HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nbody"
        let outcome = parseRequests(wire)
        #expect(outcome.error == nil)
        #expect(outcome.bodies == ["body"])

        var parser = HTTPRequestParser()
        parser.append(Array(wire.utf8.dropLast(4)))
        guard case .head(let head) = try parser.next() else { Issue.record("no head"); return }
        #expect(head.expectsContinue)
        #expect(try parser.next() == nil)
        #expect(parser.isReadingBody)
    }

    @Test func pipelinedRequests_WithEveryFraming_AreParsedInOrder() {
        let outcome = parseRequests(
            "GET /one HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /two HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
                + "POST /three HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
                + "HEAD /four HTTP/1.0\r\n\r\n"
        )
        #expect(outcome.error == nil)
        #expect(outcome.records.count == 8)
        #expect(outcome.bodies == ["", "abc", "de", ""])
        #expect(outcome.requests.map { $0.head.split(separator: " ")[1] } == ["/one", "/two", "/three", "/four"])
    }

    @Test func bodyLimit_RaisedAfterHead_AcceptsLargerBody_ForThatRequestOnly() {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 4
        let large = "POST /import HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
        let raised = parseRequests(large, limits: limits) { head in head.target == "/import" ? 16 : nil }
        #expect(raised.error == nil)
        #expect(raised.bodies == ["0123456789"])

        let chunked =
            "POST /import HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n"
        #expect(parseRequests(chunked, limits: limits) { _ in 16 }.bodies == ["0123456789"])

        // The raised limit does not carry over to the next request on the connection.
        let next = "POST /other HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
        let outcome = feedRequests([Array((large + next).utf8)], limits: limits) { head in
            head.target == "/import" ? 16 : nil
        }
        #expect(outcome.bodies == ["0123456789"])
        #expect(outcome.error?.kind == .bodyTooLarge)
    }

    @Test func emptyLinesBeforeRequestLine_AreSkipped() {
        let outcome = parseRequests("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(outcome.bodies == [""])
    }

    @Test func targets_InAbsoluteAsteriskAndAuthorityForm_AreAccepted() {
        let outcome = parseRequests(
            "GET http://shop.local/a?b HTTP/1.1\r\nHost: shop.local\r\n\r\n"
                + "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"
                + "CONNECT shop.local:443 HTTP/1.1\r\nHost: shop.local:443\r\n\r\n"
        )
        #expect(outcome.error == nil)
        #expect(
            outcome.requests.map { $0.head.split(separator: " ")[1] } == [
                "http://shop.local/a?b", "*", "shop.local:443",
            ])
    }

    @Test func fieldValues_AreTrimmedOfOptionalWhitespace_AndKeepInnerSpacesAndObsText() {
        let outcome = parseRequests("GET / HTTP/1.1\r\nHost:a\r\nX-A: \t one  two \t\r\nX-B: caf\u{E9}\r\n\r\n")
        #expect(outcome.error == nil)
        #expect(
            outcome.records.first
                == .head("GET / HTTP/1.1 [Host=a|X-A=one  two|X-B=caf\u{E9}] keepAlive=true continue=false"))
    }

    @Test func unknownMethod_IsKeptAsToken() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("PROPFIND /dav HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        guard case .head(let head) = try parser.next() else { Issue.record("no head"); return }
        #expect(head.method == .other("PROPFIND"))
        #expect(parseRequests("PROPFIND /dav HTTP/1.1\r\nHost: a\r\n\r\n").error == nil)
    }
}
