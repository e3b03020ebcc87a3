import Glibc

/// Why a mail could not be handed to the relay.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An address is empty, not ASCII, or contains characters this client does not send.
    case invalidAddress(String)
    /// A header value (or address) contains CR or LF, which would start a new header or command.
    case headerInjection(field: String)
    /// The message has no recipients.
    case noRecipients
    /// The HELO/EHLO name is not a plain domain name or address literal.
    case invalidHeloName(String)
    /// getaddrinfo(3) could not resolve the host.
    case resolveFailed(host: String, reason: String)
    /// No address of the host accepted a TCP connection; `errno` is from the last attempt.
    case connectFailed(endpoint: String, errno: Int32)
    /// The relay did not answer in time; `during` names the step.
    case timedOut(during: String)
    /// The relay closed the connection before finishing its reply.
    case connectionClosed
    /// A socket call failed.
    case systemCall(name: String, errno: Int32)
    /// The relay sent something that is not an SMTP reply (RFC 5321 §4.2).
    case malformedReply(String)
    /// The relay answered `command` with a code outside the expected class (4xx/5xx, or a
    /// 2xx where 3xx was due); `text` joins the reply lines with newlines.
    case rejected(command: String, code: Int, text: String)

    /// A one-line account for logs.
    public var description: String {
        switch self {
        case .invalidAddress(let address): "invalid mail address \(address.debugDescription)"
        case .headerInjection(let field): "CR or LF in \(field)"
        case .noRecipients: "mail has no recipients"
        case .invalidHeloName(let name): "invalid HELO name \(name.debugDescription)"
        case .resolveFailed(let host, let reason): "cannot resolve \(host): \(reason)"
        case .connectFailed(let endpoint, let code): "cannot connect to \(endpoint): \(Self.describe(code))"
        case .timedOut(let step): "SMTP relay timed out during \(step)"
        case .connectionClosed: "SMTP relay closed the connection"
        case .systemCall(let name, let code): "\(name) failed: \(Self.describe(code))"
        case .malformedReply(let line): "malformed SMTP reply \(line.debugDescription)"
        case .rejected(let command, let code, let text): "SMTP \(command) rejected: \(code) \(text)"
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "errno \(code)" }
        return "\(String(cString: message)) (errno \(code))"
    }
}
