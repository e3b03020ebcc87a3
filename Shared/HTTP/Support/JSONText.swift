/// Minimal JSON text building for the HTTP layer's own answers (errors it raises before any
/// handler runs); the services use the contract's JSON coders.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included (RFC 8259 §7).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// The error envelope of the public API:
    /// `{"error":{"code":…,"message":…,"details":{…}},"requestId":…}`. `detailsJSON` is a JSON
    /// object's text.
    public static func errorEnvelope(code: String, message: String, detailsJSON: String = "{}", requestId: String)
        -> [UInt8]
    {
        let text =
            "{\"error\":{\"code\":\(quoted(code)),\"message\":\(quoted(message)),\"details\":\(detailsJSON)},"
            + "\"requestId\":\(quoted(requestId))}"
        return Array(text.utf8)
    }

    /// A complete JSON error response.
    public static func errorResponse(
        status: HTTPStatus, code: String, message: String, detailsJSON: String = "{}", requestId: String,
        headers: HTTPHeaders = [:]
    ) -> HTTPResponse {
        var all = headers
        all.replaceOrAdd(name: "Content-Type", value: "application/json")
        all.replaceOrAdd(name: "X-Request-Id", value: requestId)
        return HTTPResponse(
            status: status,
            headers: all,
            bytes: errorEnvelope(code: code, message: message, detailsJSON: detailsJSON, requestId: requestId)
        )
    }
}
