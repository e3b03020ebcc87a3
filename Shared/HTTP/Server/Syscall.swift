#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call: its name and errno.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    public let call: String
    public let errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String { "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}

/// The outcome of a non-blocking call: done, or it would have blocked (`EAGAIN`).
public enum IOResult<T>: Sendable where T: Sendable {
    case processed(T)
    case wouldBlock
}

/// Every libc call goes through here: retries `EINTR`, reports `EAGAIN`/`EWOULDBLOCK` as
/// `.wouldBlock`, and throws `SystemError` naming the call otherwise (the shape of SwiftNIO's
/// `syscall` helper).
@inline(__always)
func syscall<T: FixedWidthInteger & Sendable>(_ name: String, _ body: () -> T) throws(SystemError) -> IOResult<T> {
    while true {
        let result = body()
        if result >= 0 { return .processed(result) }
        let error = errno
        switch error {
        case EINTR: continue
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        default: throw SystemError(call: name, errno: error)
        }
    }
}

/// Like `syscall`, for calls that must not report would-block (e.g. `bind`, `epoll_ctl`).
@inline(__always)
@discardableResult
func syscallOrThrow<T: FixedWidthInteger & Sendable>(_ name: String, _ body: () -> T) throws(SystemError) -> T {
    while true {
        let result = body()
        if result >= 0 { return result }
        let error = errno
        if error == EINTR { continue }
        throw SystemError(call: name, errno: error)
    }
}
