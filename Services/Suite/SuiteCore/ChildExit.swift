#if canImport(Glibc)
    import Glibc
#endif

/// How a child process ended, decoded from a waitpid(2) status.
public enum ChildExit: Equatable, Sendable, CustomStringConvertible {
    /// It called exit with this code.
    case exited(code: Int32)
    /// A signal ended it.
    case signaled(signal: Int32)

    /// Decodes a wait status. The WIFEXITED/WTERMSIG macros are not imported into Swift; these are
    /// their glibc definitions (bits/waitstatus.h): the low 7 bits hold the signal, 0 for exit.
    public init(waitStatus status: Int32) {
        let signal = status & 0x7F
        if signal == 0 {
            self = .exited(code: (status >> 8) & 0xFF)
        } else {
            self = .signaled(signal: signal)
        }
    }

    /// Whether the child ended by itself with status 0.
    public var isSuccess: Bool { self == .exited(code: 0) }

    public var description: String {
        switch self {
        case .exited(let code):
            return "exited with status \(code)"
        case .signaled(let signal):
            return "was killed by \(Self.signalName(signal))"
        }
    }

    /// A readable name for the common signals, the number otherwise.
    public static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: return "SIGTERM"
        case SIGKILL: return "SIGKILL"
        case SIGINT: return "SIGINT"
        case SIGHUP: return "SIGHUP"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGILL: return "SIGILL"
        case SIGBUS: return "SIGBUS"
        case SIGTRAP: return "SIGTRAP"
        case SIGPIPE: return "SIGPIPE"
        default: return "signal \(signal)"
        }
    }
}
