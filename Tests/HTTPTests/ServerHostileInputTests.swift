import HTTP
import TestSupport
import Testing

/// Random and truncated input on fresh connections: the server must answer or close every one
/// of them, leak nothing, and keep serving.
@Suite struct ServerHostileInputTests {
    static let seed: UInt64 = 0x5A41_504C_4543_5A45

    /// Valid requests to cut short, covering every framing.
    static let validRequests: [[UInt8]] = [
        getRequest("/hello"),
        getRequest("/path/a/b?c=d", headers: ["Accept: */*", "X-Request-Id: abc"]),
        postRequest("/echo", body: "{\"a\":1}", headers: ["Content-Type: application/json"]),
        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nbody",
        getRequest("/hello", version: "HTTP/1.0", headers: ["Connection: keep-alive"]),
        "OPTIONS * HTTP/1.1\r\nHost: t\r\n\r\n",
        getRequest("http://t/hello"),
    ].map { Array($0.utf8) }

    /// Sends `bytes`, half-closes, and reads until the server closes. Returns false if the
    /// server kept the connection open past the deadline.
    static func sendAndExpectClose(_ bytes: [UInt8], port: Int) throws -> Bool {
        let connection = try RawConnection(port: port)
        defer { connection.close() }
        do {
            try connection.send(bytes)
        } catch RawConnectionError.closedByPeer {
            // Refused mid-send (e.g. a bad first byte): the server closed, as it should.
            return true
        }
        connection.shutdownWrite()
        return connection.waitForClose(timeout: .seconds(5))
    }

    @Test func randomBlobs_NeverCrashOrHangTheServer() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        var random = SeededGenerator(seed: Self.seed)
        // Mostly bytes a parser gets far with (tokens, spaces, CRLF, colons), some fully random.
        let alphabet = Array(
            "GETPOSTHEADabc/?%:;, \r\n\t0123456789HTTP/1.1Host:Content-Length:Transfer-Encoding:chunked".utf8)
        var hung: [Int] = []
        for index in 0..<2_000 {
            let length = Int.random(in: 1...600, using: &random)
            let blob: [UInt8]
            if index % 2 == 0 {
                blob = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                blob = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            }
            if try !Self.sendAndExpectClose(blob, port: live.port) { hung.append(index) }
        }
        #expect(hung.isEmpty, "seed \(Self.seed): connections left open: \(hung.prefix(10))")
        try Self.expectHealthy(live)
    }

    @Test func truncatedValidRequests_NeverCrashOrHangTheServer() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        var random = SeededGenerator(seed: Self.seed ^ 1)
        var hung: [String] = []
        for (which, request) in Self.validRequests.enumerated() {
            // Every cut of the short requests, plus random garbage after some of them.
            for cut in 0...request.count {
                var bytes = Array(request[0..<cut])
                if cut % 3 == 0 {
                    bytes += (0..<Int.random(in: 1...20, using: &random)).map { _ in
                        UInt8.random(in: 0...255, using: &random)
                    }
                }
                if try !Self.sendAndExpectClose(bytes, port: live.port) { hung.append("\(which)@\(cut)") }
            }
        }
        #expect(hung.isEmpty, "connections left open: \(hung.prefix(10))")
        try Self.expectHealthy(live)
    }

    @Test func manyCompleteRequestsThenEOF_AreAllAnswered() throws {
        let live = try LiveServer(routes: wireRoutes())
        defer { live.stop() }
        let connection = try live.connect()
        let wire = Self.validRequests.filter { !String(decoding: $0, as: UTF8.self).contains("HTTP/1.0") }.joined()
        try connection.send(Array(wire))
        connection.shutdownWrite()
        let received = String(decoding: try connection.readUntilClose(), as: UTF8.self)
        #expect(received.components(separatedBy: "HTTP/1.1 ").count - 1 >= Self.validRequests.count - 1)
    }

    /// A normal request still succeeds and every hostile connection was released.
    static func expectHealthy(_ live: LiveServer) throws {
        let connection = try live.connect()
        try connection.send(getRequest("/hello"))
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello")
        connection.close()
        #expect(eventually { live.server.openConnections == 0 })
    }
}
