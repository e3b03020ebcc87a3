import HTTP
import Testing

/// Every input here must be refused, with the same error whether it arrives whole, one byte at a
/// time or back to back.
@Suite struct ParserRequestRefusalTests {
    private func refusal(
        _ wire: String,
        limits: HTTPLimits = HTTPLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> HTTPParseError.Kind? {
        parseRequests(wire, limits: limits, sourceLocation: sourceLocation).error?.kind
    }

    private static func post(_ fields: String, body: String = "") -> String {
        "POST /x HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\(body)"
    }

    // MARK: - Framing (RFC 9112 §6)

    @Test func contentLength_WithTransferEncoding_IsRefused() {
        let wire = Self.post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", body: "0\r\n\r\n")
        #expect(refusal(wire) == .malformed)
        let reversed = Self.post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", body: "0\r\n\r\n")
        #expect(refusal(reversed) == .malformed)
    }

    @Test(arguments: [
        "Content-Length: 5\r\nContent-Length: 6\r\n", "Content-Length: 5, 6\r\n", "Content-Length: 5,\r\n",
    ])
    func contentLength_Differing_IsRefused(fields: String) {
        #expect(refusal(Self.post(fields, body: "hello")) == .malformed)
    }

    @Test(arguments: ["abc", "+5", "-5", "5 5", "0x5", "5.0", "", "5;", "\u{661}"])
    func contentLength_NotDigits_IsRefused(value: String) {
        #expect(refusal(Self.post("Content-Length: \(value)\r\n", body: "hello")) == .malformed)
    }

    @Test(arguments: ["9223372036854775808", "99999999999999999999999999"])
    func contentLength_Overflowing_IsRefused(value: String) {
        #expect(refusal(Self.post("Content-Length: \(value)\r\n")) == .malformed)
    }

    @Test(arguments: ["gzip, chunked", "chunked, chunked", "identity", "gzip", "chunked;q=1", ""])
    func transferEncoding_OtherThanChunked_IsRefused(value: String) {
        #expect(refusal(Self.post("Transfer-Encoding: \(value)\r\n", body: "0\r\n\r\n")) == .malformed)
    }

    @Test func transferEncoding_Repeated_IsRefused() {
        let wire = Self.post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", body: "0\r\n\r\n")
        #expect(refusal(wire) == .malformed)
    }

    @Test func transferEncoding_InHTTP10_IsRefused() {
        #expect(refusal("POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") == .malformed)
    }

    @Test(arguments: ["-5", "+5", "0x5", "g", "", " 5", "5 x", "00000000000000005", "8000000000000000", "5\u{0}"])
    func chunkSize_Invalid_IsRefused(size: String) {
        let wire = Self.post("Transfer-Encoding: chunked\r\n", body: "\(size)\r\nhello\r\n0\r\n\r\n")
        #expect(refusal(wire) == .malformed)
    }

    @Test func chunkData_WithoutCRLF_IsRefused() {
        #expect(refusal(Self.post("Transfer-Encoding: chunked\r\n", body: "5\r\nhelloX\r\n0\r\n\r\n")) == .malformed)
        #expect(refusal(Self.post("Transfer-Encoding: chunked\r\n", body: "5\r\nhello\rX0\r\n\r\n")) == .malformed)
    }

    @Test func chunkExtension_TooLong_IsRefused() {
        let ext = String(repeating: "e", count: 2000)
        #expect(
            refusal(Self.post("Transfer-Encoding: chunked\r\n", body: "5;\(ext)\r\nhello\r\n0\r\n\r\n")) == .malformed)
    }

    @Test func trailer_WithInvalidField_IsRefused() {
        #expect(refusal(Self.post("Transfer-Encoding: chunked\r\n", body: "0\r\nBad Name: x\r\n\r\n")) == .malformed)
    }

    // MARK: - Host (RFC 9112 §3.2)

    @Test func http11_WithoutHost_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n") == .malformed)
    }

    @Test func request_WithTwoHosts_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n") == .malformed)
    }

    // MARK: - Field syntax (RFC 9112 §5)

    @Test func whitespaceBeforeColon_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost : a\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A\t: b\r\n\r\n") == .malformed)
    }

    @Test func obsFold_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\r\n two\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\n\tHost: a\r\n\r\n") == .malformed)
    }

    @Test func nul_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: o\u{0}ne\r\n\r\n") == .malformed)
        #expect(refusal("GET /a\u{0}b HTTP/1.1\r\nHost: a\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX\u{0}A: one\r\n\r\n") == .malformed)
    }

    @Test func bareCR_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: one\rtwo\r\n\r\n") == .malformed)
        #expect(refusal("GET /\r HTTP/1.1\r\nHost: a\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n\r\r\n") == .malformed)
    }

    @Test func bareLF_IsRefused() {
        #expect(refusal("GET / HTTP/1.1\nHost: a\r\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\n\r\n") == .malformed)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n\n") == .malformed)
    }

    @Test(arguments: ["\u{1}", "\u{7F}", "\u{1B}[0m", "\u{B}"])
    func controlCharacterInValue_IsRefused(control: String) {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\(control)b\r\n\r\n") == .malformed)
    }

    @Test func everyByte_AtEveryWordPosition_IsJudgedAsTheGrammarSays() {
        // Field values are checked eight bytes at a time; put each byte at offsets on both sides
        // of word boundaries (the value starts at a different alignment than the buffer).
        for byte in UInt8.min...UInt8.max {
            let allowed = byte == 0x09 || (byte >= 0x20 && byte != 0x7F)
            for offset in [0, 1, 6, 7, 8, 9, 15, 16, 17, 22] {
                var value = Array(repeating: UInt8(ascii: "v"), count: 24)
                value[offset] = byte
                let wire = Array("GET / HTTP/1.1\r\nHost: a\r\nX-Value: ".utf8) + value + Array("\r\n\r\n".utf8)
                let outcome = feedRequests([wire])
                #expect((outcome.error == nil) == allowed, "byte \(byte) at \(offset)")
            }
        }
    }

    @Test(arguments: ["Bad(Name): x", ": x", "X-A x", "X-\u{E9}: x"])
    func invalidFieldName_IsRefused(line: String) {
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n\(line)\r\n\r\n") == .malformed)
    }

    // MARK: - Request line (RFC 9112 §3)

    @Test(arguments: [
        "GET  / HTTP/1.1", "GET /  HTTP/1.1", " GET / HTTP/1.1", "GET / HTTP/1.1 ", "GET /", "GET / ",
        "G(T / HTTP/1.1", "GET a HTTP/1.1", "GET * HTTP/1.1", "GET /\u{E9} HTTP/1.1", "GET\t/ HTTP/1.1",
        "GET / HTTP/1.10", "GET / HTTX/1.1", "GET / http/1.1", "GET / HTTP/11", "GET / HTTP/1.x",
    ])
    func requestLine_Malformed_IsRefused(line: String) {
        #expect(refusal("\(line)\r\nHost: a\r\n\r\n") == .malformed)
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/0.9", "HTTP/1.2", "HTTP/3.1"])
    func version_OtherThan10Or11_IsUnsupported(version: String) {
        #expect(refusal("GET / \(version)\r\nHost: a\r\n\r\n") == .unsupportedVersion)
    }

    @Test func binaryNoise_IsRefusedAtItsFirstByte() throws {
        // A TLS ClientHello sent to the plain-text port: no line end will come soon.
        #expect(refusal("\u{16}\u{3}\u{1}\u{2}\u{0}\u{1}\u{0}\u{1}\u{FC}\u{3}\u{3}") == .malformed)
        var parser = HTTPRequestParser()
        parser.append([0x16])
        #expect(throws: HTTPParseError.self) { try parser.next() }
    }

    @Test func tooManyEmptyLines_BeforeRequestLine_AreRefused() {
        #expect(refusal(String(repeating: "\r\n", count: 5) + "GET / HTTP/1.1\r\nHost: a\r\n\r\n") == .malformed)
    }

    // MARK: - Limits

    @Test func requestLine_OverLimit_IsRefusedBeforeItEnds() {
        var limits = HTTPLimits()
        limits.maxRequestLineBytes = 32
        let target = "/" + String(repeating: "a", count: 40)
        // No CRLF at all: the refusal cannot wait for the line to end.
        #expect(refusal("GET \(target)", limits: limits) == .requestLineTooLong)
        #expect(refusal("GET \(target) HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits) == .requestLineTooLong)
        // Exactly at the limit is fine.
        let fits = "GET /" + String(repeating: "a", count: 18) + " HTTP/1.1"
        #expect(fits.utf8.count == 32)
        #expect(refusal("\(fits)\r\nHost: a\r\n\r\n", limits: limits) == nil)
    }

    @Test func headers_OverByteLimit_AreRefusedBeforeTheyEnd() {
        var limits = HTTPLimits()
        limits.maxHeaderBytes = 64
        let value = String(repeating: "v", count: 80)
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nX-Big: \(value)", limits: limits) == .headersTooLarge)
        let many = (0..<10).map { "X-\($0): 12345678\r\n" }.joined()
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\n\(many)\r\n", limits: limits) == .headersTooLarge)
    }

    @Test func headers_OverCountLimit_AreRefused() {
        var limits = HTTPLimits()
        limits.maxHeaderCount = 3
        #expect(refusal("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n", limits: limits) == nil)
        #expect(
            refusal("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: limits) == .headersTooLarge)
    }

    @Test func trailers_CountAgainstHeaderLimits() {
        var limits = HTTPLimits()
        limits.maxHeaderCount = 3
        let wire = Self.post("Transfer-Encoding: chunked\r\n", body: "0\r\nT1: x\r\nT2: y\r\n\r\n")
        #expect(refusal(wire, limits: limits) == .headersTooLarge)
    }

    @Test func body_OverLimitByContentLength_IsRefusedWithoutWaitingForIt() throws {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 8
        #expect(refusal(Self.post("Content-Length: 9\r\n", body: "123456789"), limits: limits) == .bodyTooLarge)

        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(Self.post("Content-Length: 1000000\r\n").utf8))
        guard case .head = try parser.next() else { Issue.record("no head"); return }
        #expect(throws: HTTPParseError.self) { try parser.next() }
        #expect(parser.error?.status == .payloadTooLarge)
    }

    @Test func body_OverLimitByChunkedTotal_IsRefused() {
        var limits = HTTPLimits()
        limits.maxBodyBytes = 8
        let wire = Self.post("Transfer-Encoding: chunked\r\n", body: "5\r\nhello\r\n4\r\nxxxx\r\n0\r\n\r\n")
        #expect(refusal(wire, limits: limits) == .bodyTooLarge)
        let exact = Self.post("Transfer-Encoding: chunked\r\n", body: "5\r\nhello\r\n3\r\nxxx\r\n0\r\n\r\n")
        #expect(refusal(exact, limits: limits) == nil)
    }
}
