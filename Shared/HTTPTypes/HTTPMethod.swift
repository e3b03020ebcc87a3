/// An HTTP request method (RFC 9110 §9). Unknown but well-formed tokens are kept as `.other`.
public enum HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    case get, head, post, put, patch, delete, options, trace, connect
    case other(String)

    /// Parses a method token; methods are case-sensitive (RFC 9110 §9.1).
    public init(_ token: String) {
        switch token {
        case "GET": self = .get
        case "HEAD": self = .head
        case "POST": self = .post
        case "PUT": self = .put
        case "PATCH": self = .patch
        case "DELETE": self = .delete
        case "OPTIONS": self = .options
        case "TRACE": self = .trace
        case "CONNECT": self = .connect
        default: self = .other(token)
        }
    }

    public var description: String {
        switch self {
        case .get: return "GET"
        case .head: return "HEAD"
        case .post: return "POST"
        case .put: return "PUT"
        case .patch: return "PATCH"
        case .delete: return "DELETE"
        case .options: return "OPTIONS"
        case .trace: return "TRACE"
        case .connect: return "CONNECT"
        case .other(let token): return token
        }
    }

    /// Safe methods never change state (RFC 9110 §9.2.1), so a client may retry them.
    public var isSafe: Bool {
        switch self {
        case .get, .head, .options, .trace: return true
        default: return false
        }
    }

    /// Idempotent methods may be repeated with the same effect (RFC 9110 §9.2.2).
    public var isIdempotent: Bool {
        switch self {
        case .get, .head, .options, .trace, .put, .delete: return true
        default: return false
        }
    }
}
