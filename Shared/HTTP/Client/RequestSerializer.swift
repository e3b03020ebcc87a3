/// Turns a client request into bytes: request line, `Host`, the caller's fields minus hop-by-hop
/// ones (RFC 9110 §7.6.1), and a `Content-Length` framed body.
enum RequestSerializer {
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "content-length", "host", "expect",
    ]

    static func serialize(_ request: HTTPRequest, authority: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + request.body.count)
        out.append(contentsOf: request.method.description.utf8)
        out.append(32)
        out.append(contentsOf: request.target.utf8)
        out.append(contentsOf: " HTTP/1.1\r\nHost: ".utf8)
        out.append(contentsOf: authority.utf8)
        out.append(contentsOf: "\r\n".utf8)
        for field in request.headers.fields where !hopByHop.contains(field.name.lowercased()) {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            for byte in field.value.utf8 { out.append(byte == 13 || byte == 10 || byte == 0 ? 32 : byte) }
            out.append(contentsOf: "\r\n".utf8)
        }
        if !request.body.isEmpty || [.post, .put, .patch].contains(request.method) {
            out.append(contentsOf: "Content-Length: \(request.body.count)\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: request.body)
        return out
    }
}
