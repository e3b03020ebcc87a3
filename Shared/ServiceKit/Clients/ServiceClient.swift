import Contract
import FoundationEssentials
import Glibc
import HTTP

/// Calls one Zaplecze service over HTTP with the internal secret and the caller's identity: the
/// base of the typed clients (`LoyaltyClient`, …).
public final class ServiceClient: Sendable {
    public let service: String
    public let upstream: Upstream
    private let http: HTTPClient
    private let secret: String

    public init(service: String, upstream: Upstream, secret: String, http: HTTPClient) {
        self.service = service
        self.upstream = upstream
        self.secret = secret
        self.http = http
    }

    /// Sends a request and returns the raw response, whatever its status. Transport failures
    /// become 503 (unreachable) or 504 (timeout) `HTTPError`s.
    public func send(
        _ method: HTTPMethod, _ path: String, body: [UInt8] = [], principal: Principal,
        headers extra: HTTPHeaders = [:], requestId: String? = nil, timeout: Duration? = nil
    ) throws(HTTPError) -> HTTPClientResponse {
        var headers = extra
        InternalHeaders.apply(principal, secret: secret, to: &headers)
        // JSON unless the caller said otherwise (a CSV upload, say).
        if !body.isEmpty && headers["Content-Type"] == nil {
            headers.add(name: "Content-Type", value: "application/json")
        }
        if let requestId { headers.replaceOrAdd(name: "X-Request-Id", value: requestId) }
        let request = HTTPRequest(method: method, target: path, headers: headers, body: body)
        do {
            return try http.send(request, to: upstream, readTimeout: timeout)
        } catch {
            throw Self.transportError(error, service: service)
        }
    }

    /// Sends `body` as JSON and decodes a 2xx answer as `Response`; a non-2xx answer throws
    /// `ServiceCallError`.
    public func call<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: (any Encodable)? = nil, as type: Response.Type = Response.self,
        principal: Principal = Principal(role: .service), idempotencyKey: String? = nil, requestId: String? = nil
    ) throws -> Response {
        let bytes = try body.map { try JSONCoding.encode($0) } ?? []
        return try exchange(
            method, path, body: bytes, contentType: nil, principal: principal, idempotencyKey: idempotencyKey,
            requestId: requestId)
    }

    /// Sends `body` (of `contentType`, JSON when nil) and decodes a 2xx answer as `Response`; a
    /// non-2xx answer throws `ServiceCallError`.
    func exchange<Response: Decodable>(
        _ method: HTTPMethod, _ path: String, body: [UInt8], contentType: String?, principal: Principal,
        idempotencyKey: String?, requestId: String?
    ) throws -> Response {
        var headers: HTTPHeaders = [:]
        if let contentType { headers.add(name: "Content-Type", value: contentType) }
        if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        let response = try send(method, path, body: body, principal: principal, headers: headers, requestId: requestId)
        guard (200..<300).contains(response.status.code) else {
            throw Self.callError(response, service: service)
        }
        if Response.self == EmptyResponse.self, let empty = EmptyResponse() as? Response { return empty }
        return try JSONCoding.decode(Response.self, from: response.body)
    }

    /// The error a non-2xx answer stands for.
    public static func callError(_ response: HTTPClientResponse, service: String) -> ServiceCallError {
        let envelope = try? JSONCoding.decode(ErrorEnvelope.self, from: response.body)
        return ServiceCallError(
            status: response.status,
            code: envelope?.error.code ?? "upstream_error",
            message: envelope?.error.message ?? "The \(service) service answered \(response.status.code).",
            service: service,
            details: (envelope?.error.details ?? [:]).compactMapValues(Self.detail)
        )
    }

    /// An envelope detail as an `ErrorDetail`, if it is one of the kinds an answer carries.
    public static func detail(_ value: JSONValue) -> ErrorDetail? {
        switch value {
        case .string(let text):
            return .string(text)
        case .bool(let flag):
            return .bool(flag)
        case .number(let number):
            guard number == number.rounded(), abs(number) < 9.0e15 else { return nil }
            return .int(Int64(number))
        case .array(let items):
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? .strings(texts) : nil
        case .null, .object:
            return nil
        }
    }

    /// The `HTTPError` a transport failure stands for.
    public static func transportError(_ error: HTTPClientError, service: String) -> HTTPError {
        switch error {
        case .timeout:
            return HTTPError(
                .gatewayTimeout, code: "upstream_timeout", message: "The \(service) service did not answer in time.")
        case .unreachable, .poolExhausted:
            return HTTPError.unavailable("The \(service) service is unavailable.")
        case .connectionClosed, .malformedResponse, .responseTooLarge:
            return HTTPError(
                .badGateway, code: "bad_upstream_response", message: "The \(service) service gave no valid answer.")
        }
    }
}

extension ServiceClient {
    /// Calls `route` with its path parameters in order and `body` as JSON, decoding its response
    /// type; `idempotencyKey` for a route declared `idempotent`.
    public func call<Request: RouteBody & Encodable, Response: RouteBody & Decodable>(
        _ route: RouteSpec<Request, Response>, _ parameters: String..., body: Request? = nil,
        principal: Principal = Principal(role: .service), idempotencyKey: String? = nil, requestId: String? = nil
    ) throws -> Response {
        try call(
            route.declaration.method, route.declaration.servicePath(parameters), body: body, principal: principal,
            idempotencyKey: idempotencyKey, requestId: requestId)
    }

    /// Calls `route`, whose request body is text (a CSV file, `BulkAdjustmentCSV`), with its path
    /// parameters in order and `text` as the body, sent as UTF-8 under the content type its
    /// declaration gives (`BodyDescription.text`); decodes its response type.
    public func call<Request: TextBody, Response: RouteBody & Decodable>(
        _ route: RouteSpec<Request, Response>, _ parameters: String..., text: String,
        principal: Principal = Principal(role: .service), idempotencyKey: String? = nil, requestId: String? = nil
    ) throws -> Response {
        try exchange(
            route.declaration.method, route.declaration.servicePath(parameters), body: Array(text.utf8),
            contentType: Request.contentType + "; charset=utf-8", principal: principal,
            idempotencyKey: idempotencyKey, requestId: requestId)
    }
}
