import Contract
import Foundation
import HTTP

/// Calls a running server the way a storefront would: bearer token, JSON bodies, whole answers.
public struct TestClient: Sendable {
    public let upstream: Upstream
    public let http: HTTPClient

    public init(port: Int, host: String = "127.0.0.1", http: HTTPClient = HTTPClient()) {
        self.upstream = Upstream(host: host, port: port)
        self.http = http
    }

    /// Sends a request; `body` is sent as is with `contentType`.
    public func request(
        _ method: HTTPMethod, _ path: String, token: String? = nil, body: [UInt8] = [],
        contentType: String = "application/json", headers extra: HTTPHeaders = [:], timeout: Duration = .seconds(30)
    ) throws -> HTTPClientResponse {
        var headers = extra
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if !body.isEmpty { headers.add(name: "Content-Type", value: contentType) }
        return try http.send(
            HTTPRequest(method: method, target: path, headers: headers, body: body), to: upstream, readTimeout: timeout)
    }

    /// Sends `value` as JSON.
    public func json<T: Encodable>(
        _ method: HTTPMethod, _ path: String, _ value: T, token: String? = nil, headers: HTTPHeaders = [:]
    ) throws -> HTTPClientResponse {
        try request(method, path, token: token, body: try JSONCoding.encode(value), headers: headers)
    }
}

extension HTTPClientResponse {
    /// The body decoded with the suite's JSON coder.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.decode(type, from: body)
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The error envelope of a non-2xx answer.
    public var errorEnvelope: ErrorEnvelope? { try? JSONCoding.decode(ErrorEnvelope.self, from: body) }

    /// The error envelope's code.
    public var errorCode: String? { errorEnvelope?.error.code }

    /// The field a 422 names (`details.field`).
    public var errorField: String? { errorDetail("field") }

    /// The query parameter a 400 names (`details.parameter`).
    public var errorParameter: String? { errorDetail("parameter") }

    /// The text of the error envelope's `details[name]`.
    private func errorDetail(_ name: String) -> String? {
        guard case .string(let value)? = errorEnvelope?.error.details?[name] else { return nil }
        return value
    }
}
