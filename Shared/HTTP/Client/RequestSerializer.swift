/// Turns a client request into bytes: request line, `Host`, the caller's fields minus hop-by-hop
/// ones (RFC 9110 §7.6.1), and a `Content-Length` framed body.
enum RequestSerializer {
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "content-length", "host", "expect",
    ]

    /// How the body is framed on the wire.
    enum Framing: Equatable {
        /// `Content-Length: n` (sent also for an empty POST, PUT or PATCH body).
        case length(Int)
        /// `Transfer-Encoding: chunked`, for a body produced piece by piece.
        case chunked
    }

    static func serialize(_ request: HTTPRequest, authority: String) -> [UInt8] {
        var out = head(request.head, authority: authority, framing: .length(request.body.count))
        out.append(contentsOf: request.body)
        return out
    }

    static func head(_ head: HTTPRequestHead, authority: String, framing: Framing) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: head.method.description.utf8)
        out.append(32)
        out.append(contentsOf: head.target.utf8)
        out.append(contentsOf: " HTTP/1.1\r\nHost: ".utf8)
        out.append(contentsOf: authority.utf8)
        out.append(contentsOf: "\r\n".utf8)
        for field in head.headers.fields where !hopByHop.contains(field.name.lowercased()) {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            for byte in field.value.utf8 { out.append(byte == 13 || byte == 10 || byte == 0 ? 32 : byte) }
            out.append(contentsOf: "\r\n".utf8)
        }
        switch framing {
        case .length(let length):
            if length > 0 || [.post, .put, .patch].contains(head.method) {
                out.append(contentsOf: "Content-Length: \(length)\r\n".utf8)
            }
        case .chunked:
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        return out
    }
}
