/// The start line and header fields of a request, as the parser hands them over.
public struct HTTPRequestHead: Sendable {
    public var method: HTTPMethod
    /// The raw request-target (RFC 9112 §3.2), usually origin-form: `/path?query`.
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders

    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:]) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// Whether the connection stays open after this exchange (RFC 9112 §9.3).
    public var keepAlive: Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        if version == .http1_0 { return headers.containsToken("keep-alive", in: "Connection") }
        return version.major == 1 && version.minor >= 1
    }

    /// Whether the client waits for `100 Continue` before sending the body (RFC 9110 §10.1.1).
    public var expectsContinue: Bool {
        version == .http1_1 && (headers["Expect"].map { HTTPHeaders.equalsIgnoringCase($0, "100-continue") } ?? false)
    }

    /// The path part of the target, still percent-encoded.
    public var rawPath: Substring {
        // Bytes, not Characters: a grapheme-aware search costs more than the rest of routing.
        if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) { return target[..<mark] }
        return Substring(target)
    }

    /// The query part of the target without the `?`, if any.
    public var rawQuery: Substring? {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        return target[target.index(after: mark)...]
    }
}

/// A whole request: its head and its body, de-chunked.
public struct HTTPRequest: Sendable {
    public var head: HTTPRequestHead
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = [:],
        body: [UInt8] = []
    ) {
        self.init(head: HTTPRequestHead(method: method, target: target, headers: headers), body: body)
    }

    public var method: HTTPMethod { head.method }
    public var target: String { head.target }
    public var headers: HTTPHeaders {
        get { head.headers }
        set { head.headers = newValue }
    }
}
