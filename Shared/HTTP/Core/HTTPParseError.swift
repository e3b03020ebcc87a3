/// Why a message could not be parsed, with the status the server answers before closing.
public struct HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Request line longer than the limit: 414.
        case requestLineTooLong
        /// Header block larger than the limit or too many fields: 431.
        case headersTooLarge
        /// Body larger than allowed: 413.
        case bodyTooLarge
        /// A version other than HTTP/1.x: 505.
        case unsupportedVersion
        /// Malformed syntax or ambiguous framing (smuggling): 400.
        case malformed
    }

    public var kind: Kind
    /// A short explanation safe to show the client (never echoes raw input).
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public static func malformed(_ reason: String) -> HTTPParseError { HTTPParseError(.malformed, reason) }

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch kind {
        case .requestLineTooLong: return .uriTooLong
        case .headersTooLarge: return .headerFieldsTooLarge
        case .bodyTooLarge: return .payloadTooLarge
        case .unsupportedVersion: return .httpVersionNotSupported
        case .malformed: return .badRequest
        }
    }

    /// The error code used in the JSON error envelope.
    public var code: String {
        switch kind {
        case .requestLineTooLong: return "uri_too_long"
        case .headersTooLarge: return "header_fields_too_large"
        case .bodyTooLarge: return "payload_too_large"
        case .unsupportedVersion: return "http_version_not_supported"
        case .malformed: return "malformed_request"
        }
    }

    public var description: String { "\(status.code) \(code): \(reason)" }
}
