/// Turns a response head into bytes. The server owns the framing: it drops any `Content-Length`,
/// `Transfer-Encoding`, `Connection` or `Date` fields a handler set and writes its own.
enum ResponseSerializer {
    private static let crlf: [UInt8] = [13, 10]
    private static let colonSpace: [UInt8] = [58, 32]

    enum Framing: Equatable {
        case length(Int)
        case chunked
        case none
    }

    /// The head of `response`, framed as `framing`, for a request of `version`.
    static func head(
        _ response: HTTPResponse, framing: Framing, keepAlive: Bool, version: HTTPVersion, bodyCapacity: Int = 0
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + bodyCapacity)
        // We speak HTTP/1.1 to 1.0 clients too, as RFC 9110 §6.2 asks; the framing is what adapts.
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(response.status.code, to: &out)
        out.append(32)
        out.append(contentsOf: response.status.reasonPhrase.utf8)
        out.append(contentsOf: crlf)
        for field in response.headers.fields {
            if isFramingField(field.name) { continue }
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: colonSpace)
            appendFieldValue(field.value, to: &out)
            out.append(contentsOf: crlf)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: HTTPDate.current())
        out.append(contentsOf: crlf)
        switch framing {
        case .length(let length):
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(length, to: &out)
            out.append(contentsOf: crlf)
        case .chunked:
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .none:
            break
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http1_0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: crlf)
        return out
    }

    /// A whole response whose body is in memory: head and body in one buffer, the body left out
    /// for HEAD and for statuses that have none.
    static func serialize(_ response: HTTPResponse, keepAlive: Bool, isHead: Bool, version: HTTPVersion) -> [UInt8] {
        let body = response.bodyBytes ?? []
        let forbidsBody = response.status.forbidsBody
        let includeBody = !isHead && !forbidsBody
        var bytes = head(
            response, framing: forbidsBody ? .none : .length(body.count), keepAlive: keepAlive, version: version,
            bodyCapacity: includeBody ? body.count : 0
        )
        if includeBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// One chunk of a chunked body (RFC 9112 §7.1).
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = Array(String(bytes.count, radix: 16).utf8)
        out.reserveCapacity(bytes.count + 12)
        out.append(contentsOf: crlf)
        out.append(contentsOf: bytes)
        out.append(contentsOf: crlf)
        return out
    }

    /// The last chunk with no trailers.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    static func isFramingField(_ name: String) -> Bool {
        HTTPHeaders.equalsIgnoringCase(name, "Content-Length")
            || HTTPHeaders.equalsIgnoringCase(name, "Transfer-Encoding")
            || HTTPHeaders.equalsIgnoringCase(name, "Connection")
            || HTTPHeaders.equalsIgnoringCase(name, "Date")
            || HTTPHeaders.equalsIgnoringCase(name, "Keep-Alive")
    }

    /// Writes a field value, replacing CR, LF and NUL so a handler can never split a response.
    private static func appendFieldValue(_ value: String, to out: inout [UInt8]) {
        for byte in value.utf8 {
            out.append(byte == 13 || byte == 10 || byte == 0 ? 32 : byte)
        }
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == 0 {
            out.append(48)
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        out.append(contentsOf: digits.reversed())
    }
}
