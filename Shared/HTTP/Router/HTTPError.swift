/// A value in an error's `details` object.
public enum ErrorDetail: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case bool(Bool)
    case strings([String])

    var json: String {
        switch self {
        case .string(let text): return JSONText.quoted(text)
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .strings(let list): return "[" + list.map(JSONText.quoted).joined(separator: ",") + "]"
        }
    }
}

/// An error that knows its HTTP answer. Domain errors conform to it; the router turns any of them
/// into the JSON error envelope of the public API.
///
/// ```swift
/// struct InsufficientPoints: HTTPResponseError {
///     var status: HTTPStatus { .conflict }
///     var code: String { "insufficient_points" }
///     var message: String { "The balance is too low." }
/// }
/// ```
public protocol HTTPResponseError: Error, Sendable {
    var status: HTTPStatus { get }
    /// A stable snake_case code clients branch on.
    var code: String { get }
    /// A sentence for people; never internal details.
    var message: String { get }
    var details: [String: ErrorDetail] { get }
    /// Extra header fields (e.g. `Retry-After`, `Allow`).
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var details: [String: ErrorDetail] { [:] }
    public var headers: HTTPHeaders { [:] }

    /// The details as a JSON object's text, keys sorted so answers are stable.
    public var detailsJSON: String {
        "{"
            + details.sorted { $0.key < $1.key }.map { "\(JSONText.quoted($0.key)):\($0.value.json)" }
            .joined(separator: ",") + "}"
    }
}

/// The general-purpose `HTTPResponseError`.
public struct HTTPError: HTTPResponseError, CustomStringConvertible {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    public var details: [String: ErrorDetail]
    public var headers: HTTPHeaders

    public init(
        _ status: HTTPStatus, code: String, message: String,
        details: [String: ErrorDetail] = [:], headers: HTTPHeaders = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public static func badRequest(_ message: String, code: String = "bad_request", details: [String: ErrorDetail] = [:])
        -> HTTPError
    {
        HTTPError(.badRequest, code: code, message: message, details: details)
    }

    public static func notFound(_ message: String = "Not found.", code: String = "not_found") -> HTTPError {
        HTTPError(.notFound, code: code, message: message)
    }

    public static func conflict(_ message: String, code: String = "conflict", details: [String: ErrorDetail] = [:])
        -> HTTPError
    {
        HTTPError(.conflict, code: code, message: message, details: details)
    }

    public static func unprocessable(
        _ message: String, code: String = "validation_failed", details: [String: ErrorDetail] = [:]
    ) -> HTTPError {
        HTTPError(.unprocessableContent, code: code, message: message, details: details)
    }

    public static func unauthorized(_ message: String = "Missing or invalid credentials.") -> HTTPError {
        HTTPError(.unauthorized, code: "unauthorized", message: message, headers: ["WWW-Authenticate": "Bearer"])
    }

    public static func forbidden(_ message: String = "This caller may not do that.") -> HTTPError {
        HTTPError(.forbidden, code: "forbidden", message: message)
    }

    public static func unavailable(_ message: String, code: String = "service_unavailable") -> HTTPError {
        HTTPError(.serviceUnavailable, code: code, message: message, headers: ["Retry-After": "1"])
    }
}
