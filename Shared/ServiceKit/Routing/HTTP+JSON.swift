import Contract
import FoundationEssentials
import Glibc
import HTTP

extension HTTPResponse {
    /// A JSON response of `value` with the suite's coder.
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) throws
        -> HTTPResponse
    {
        var all = headers
        all.replaceOrAdd(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: all, bytes: try JSONCoding.encode(value))
    }

    /// 204 No Content.
    public static var noContent: HTTPResponse { HTTPResponse(status: .noContent) }
}

extension HTTPRequest {
    /// The body decoded as `T` by `JSONCoding.decode`. A body of another media type is a 415;
    /// text that is not JSON or names a key twice is a 400, and JSON that does not fit the
    /// fields a 422 naming the field (see `JSONBodyError` and `DecodingProblem`).
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        if let contentType = headers["Content-Type"] {
            let media = contentType.split(separator: ";").first.map { $0.trimmed().lowercased() } ?? ""
            guard media == "application/json" || media.hasSuffix("+json") else {
                throw HTTPError(
                    .unsupportedMediaType, code: "unsupported_media_type", message: "Send the body as application/json."
                )
            }
        }
        return try JSONCoding.decode(type, from: body)
    }
}
