/// Why a client call failed.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The upstream could not be reached (refused, unreachable, connect timed out).
    case unreachable(String)
    /// No answer in time.
    case timeout
    /// The connection broke before a whole response arrived.
    case connectionClosed
    /// The upstream's answer was not valid HTTP/1.1.
    case malformedResponse(String)
    /// Every pooled connection to the upstream stayed busy until the connect timeout.
    case poolExhausted
    /// The response body was larger than the caller allowed.
    case responseTooLarge

    public var description: String {
        switch self {
        case .unreachable(let reason): return "upstream unreachable: \(reason)"
        case .timeout: return "upstream timed out"
        case .connectionClosed: return "upstream closed the connection"
        case .malformedResponse(let reason): return "malformed upstream response: \(reason)"
        case .poolExhausted: return "no upstream connection free"
        case .responseTooLarge: return "upstream response too large"
        }
    }

    /// Whether the upstream is down rather than slow or broken (503 versus 504/502).
    public var isUnreachable: Bool {
        if case .unreachable = self { return true }
        return self == .poolExhausted
    }
}
